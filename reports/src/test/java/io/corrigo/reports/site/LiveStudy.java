package io.corrigo.reports.site;

import io.corrigo.reports.data.EvaluationRow;
import io.corrigo.reports.data.MetricRow;
import io.corrigo.reports.data.RolloutInfo;
import io.corrigo.reports.data.StudyDetail;
import io.corrigo.reports.data.StudyRow;
import io.corrigo.reports.data.TrialRow;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A simulated running study for the browser test: 2 environments × 2 feedback conditions × 3 learners
 * × 3 seeds, 30 episodes, evaluated every 10 episodes. {@link #evaluate(int)} advances every trial to
 * an episode as a host would: evaluation points (provisional), events on the feed.
 */
final class LiveStudy {

    static final long ID = 3;
    static final List<String> ENVIRONMENTS = List.of("two-route", "particle");
    static final List<String> FEEDBACK = List.of("accurate", "noisy");
    static final List<String> LEARNERS = List.of("bc", "clic-half", "knn");
    static final int EPISODES = 30;

    private final MemoryReportData data;
    private final MemoryFeed feed;
    private final List<Long> trials = new ArrayList<>();

    LiveStudy(MemoryReportData data, MemoryFeed feed) {
        this.data = data;
        this.feed = feed;
        data.putStudy(new StudyDetail(new StudyRow(ID, "pusht-noise", "running", "cpu", 36, 0, 0, 0,
                java.time.Instant.now().minusSeconds(1_500).toString(), ""), "configs/pusht-noise.yaml", "name: pusht-noise\nseeds: [1, 2, 3]\n",
                "{\"resolved\":{\"budget\":{\"episodes\":30,\"evalEvery\":10}}}", ENVIRONMENTS, FEEDBACK, LEARNERS,
                List.of(1L, 2L, 3L), EPISODES));
        long id = 300;
        for (String env : ENVIRONMENTS) {
            for (String feedback : FEEDBACK) {
                for (String learner : LEARNERS) {
                    for (long seed = 1; seed <= 3; seed++) {
                        data.putTrial(DemoStudies.trial(id, ID, env, feedback, learner, seed, "pending", 0, "", 0, 0));
                        trials.add(id++);
                    }
                }
            }
        }
    }

    List<Long> trials() {
        return trials;
    }

    /** Every trial reaches {@code episode}: evaluation (10 rollouts), metrics, a rollout, events. */
    void evaluate(int episode) {
        for (long id : trials) {
            TrialRow t = data.trial(id).orElseThrow();
            data.updateTrial(id, r -> DemoStudies.withState(r, "running", episode));
            int successes = successes(t, episode);
            long feedbackEvents = (long) episode * (t.feedback().equals("noisy") ? 5 : 3);
            data.addEvaluation(new EvaluationRow(id, episode, 10, successes, successes / 10.0, successes / 10.0,
                    40L * episode, feedbackEvents, 2L * episode, true));
            for (int e = Math.max(1, episode - 9); e <= episode; e++) {
                data.addMetric(new MetricRow(id, e, "loss", 1.0 / (1 + e) + 0.01 * t.seed()));
            }
            if (episode == 0) {
                data.addRollout(new RolloutInfo(id * 10, id, "training", 1, 30, false), DemoStudies.frames(30));
                feed.publish("trial-started", ID, "{\"trialId\":" + id + "}");
            }
            feed.publish("evaluation", ID, "{\"trialId\":" + id + ",\"episode\":" + episode + ",\"episodes\":10,\"successes\":"
                    + successes + "}");
        }
    }

    /** Finishes the trials of one environment: committed, done. */
    void finish(String environment) {
        for (long id : trials) {
            TrialRow t = data.trial(id).orElseThrow();
            if (t.environment().equals(environment)) {
                data.commit(id);
                data.updateTrial(id, r -> new TrialRow(r.id(), r.studyId(), r.key(), r.environment(), r.feedback(),
                        r.learner(), r.seed(), "done", "", EPISODES, 90_000, 1200, 90, 60, 4, "{\"teacher\":\"scripted\"}"));
                feed.publish("trial-finished", ID, "{\"trialId\":" + id + "}");
            }
        }
    }

    private static int successes(TrialRow t, int episode) {
        double skill = switch (t.learner()) {
            case "clic-half" -> 0.85;
            case "bc" -> 0.6;
            default -> 0.35;
        };
        skill -= t.feedback().equals("noisy") ? 0.15 : 0;
        skill -= t.environment().equals("particle") ? 0.1 : 0;
        double p = Math.max(0, skill * (1 - Math.exp(-episode / 10.0)));
        SplittableRandom random = new SplittableRandom(t.id() * 1_000 + episode);
        int s = 0;
        for (int i = 0; i < 10; i++) {
            s += random.nextDouble() < p ? 1 : 0;
        }
        return s;
    }
}
