package io.corrigo.reports.site;

import io.corrigo.reports.data.EvaluationRow;
import io.corrigo.reports.data.MetricRow;
import io.corrigo.reports.data.PluginRow;
import io.corrigo.reports.data.RolloutInfo;
import io.corrigo.reports.data.StudyDetail;
import io.corrigo.reports.data.StudyRow;
import io.corrigo.reports.data.TrialRow;
import java.util.List;
import java.util.Locale;

/**
 * The known data set of the site tests.
 *
 * <p>Study 1 "demo" (finished, 2026-01-01 00:00 to 01:00): environment two-route; feedback accurate and
 * noisy; learners bc and clic; seeds 1, 2; 20 episodes; evaluations of 10 rollouts at episodes 0, 10, 20.
 * Successes per seed (trial ids 11–18):
 * <pre>
 *   bc   accurate  s1: 0 6 8  (final .70, best .8)   s2: 1 4 6 (final .50, best .6)
 *   clic accurate  s1: 0 9 10 (final .95, best 1)    s2: 0 7 9 (final .80, best .9)
 *   bc   noisy     s1: 0 3 5  (final .40, best .5)   s2: failed
 *   clic noisy     s1: 0 6 8  (final .70, best .8)   s2: 0 8 8 (final .80, best .8)
 * </pre>
 * Study 2 "live" (running since 2026-01-01 00:00): particle / takeover / bc, seeds 1, 2, 10 episodes;
 * trial 21 running at episode 4 with one provisional evaluation (0/10 at episode 0), trial 22 pending.
 */
final class DemoStudies {

    static final String START = "2026-01-01T00:00:00Z";

    private DemoStudies() {
    }

    static MemoryReportData create() {
        MemoryReportData data = new MemoryReportData();
        data.putStudy(new StudyDetail(new StudyRow(1, "demo", "finished", "cpu", 8, 7, 1, 0, START, "2026-01-01T01:00:00Z"),
                "configs/demo.yaml", "name: demo\n", "{\"study\":{\"description\":\"two learners on two-route, for tests\"},\"resolved\":{\"budget\":{\"episodes\":20}}}",
                List.of("two-route"), List.of("accurate", "noisy"), List.of("bc", "clic"), List.of(1L, 2L), 20));
        long id = 11;
        int[][] successes = {{0, 6, 8}, {1, 4, 6}, {0, 9, 10}, {0, 7, 9}, {0, 3, 5}, null, {0, 6, 8}, {0, 8, 8}};
        for (String feedback : List.of("accurate", "noisy")) {
            for (String learner : List.of("bc", "clic")) {
                for (long seed = 1; seed <= 2; seed++, id++) {
                    int[] s = successes[(int) (id - 11)];
                    boolean failed = s == null;
                    data.putTrial(trial(id, 1, "two-route", feedback, learner, seed, failed ? "failed" : "done",
                            failed ? 0 : 20, failed ? "NaN loss at episode 3" : "", failed ? 0 : 50, failed ? 0 : 12));
                    for (int k = 0; !failed && k < 3; k++) {
                        data.addEvaluation(new EvaluationRow(id, 10 * k, 10, s[k], s[k] / 10.0, s[k] / 10.0, 100L * k,
                                25L * k, 6L * k, false));
                    }
                }
            }
        }
        for (int e = 1; e <= 20; e++) {
            data.addMetric(new MetricRow(11, e, "loss", 1.0 / e, "nats"));
            data.addMetric(new MetricRow(11, e, "grad-norm", 2.0 / Math.sqrt(e)));
        }
        data.addRollout(new RolloutInfo(101, 11, "training", 10, 12, true), frames(12));
        data.addRollout(new RolloutInfo(102, 11, "evaluation", 20, 8, false), frames(8));
        data.putStudy(new StudyDetail(new StudyRow(2, "live", "running", "cpu", 2, 0, 0, 1, START, ""),
                "configs/live.yaml", "name: live\n", "{}", List.of("particle"), List.of("takeover"), List.of("bc"),
                List.of(1L, 2L), 10));
        data.putTrial(trial(21, 2, "particle", "takeover", "bc", 1, "running", 4, "", 0, 0));
        data.putTrial(trial(22, 2, "particle", "takeover", "bc", 2, "pending", 0, "", 0, 0));
        data.addEvaluation(new EvaluationRow(21, 0, 10, 0, 0, 0, 0, 0, 0, true));
        data.addPlugin(new PluginRow("two-route", "environment", "io.corrigo.plugins.env-toys", "0.1.0", "active",
                "Two routes around an obstacle (toy).", "{\"maxSteps\":100,\"noise\":{\"sigma\":0.1}}"));
        data.addPlugin(new PluginRow("bc", "learner", "io.corrigo.plugin-bc", "0.1.0", "active",
                "Behaviour cloning (Pomerleau 1989).", "{\"learningRate\":0.001}"));
        return data;
    }

    /**
     * A second run of the demo study (run 3, trials 31..38, its file with one more seed per condition
     * and a higher learning rate): every seed of it ends {@code gain} evaluation successes (of 10) above run 1's.
     */
    static void addRerun(MemoryReportData data, int gain) {
        data.putStudy(new StudyDetail(new StudyRow(3, "demo", "finished", "cpu", 8, 8, 0, 0, "2026-01-02T00:00:00Z",
                "2026-01-02T01:00:00Z"), "configs/demo.yaml", "name: demo\nlearningRate: 0.003\n", "{}",
                List.of("two-route"), List.of("accurate", "noisy"), List.of("bc", "clic"), List.of(1L, 2L), 20));
        int[] finals = {8, 6, 10, 9, 5, 4, 8, 8};
        long id = 31;
        for (String feedback : List.of("accurate", "noisy")) {
            for (String learner : List.of("bc", "clic")) {
                for (long seed = 1; seed <= 2; seed++, id++) {
                    int last = Math.min(10, finals[(int) (id - 31)] + gain);
                    data.putTrial(trial(id, 3, "two-route", feedback, learner, seed, "done", 20, "", 50, 12));
                    for (int k = 0; k < 3; k++) {
                        int s = k == 0 ? 0 : last;
                        data.addEvaluation(new EvaluationRow(id, 10 * k, 10, s, s / 10.0, s / 10.0, 100L * k, 25L * k, 6L * k,
                                false));
                    }
                }
            }
        }
    }

    static TrialRow trial(long id, long studyId, String env, String feedback, String learner, long seed, String state,
                          int episodesDone, String error, long feedbackEvents, long teacherSteps) {
        return new TrialRow(id, studyId, env + "/" + feedback + "/" + learner + "/seed-" + seed, env, feedback, learner,
                seed, state, error, episodesDone, state.equals("done") ? 65_000 : 0, 1000, feedbackEvents, teacherSteps,
                state.equals("done") ? 3 : 0, state.equals("done") ? "{\"teacher\":\"scripted\",\"gate\":0.2}" : "{}");
    }

    static TrialRow withState(TrialRow t, String state, int episodesDone) {
        return new TrialRow(t.id(), t.studyId(), t.key(), t.environment(), t.feedback(), t.learner(), t.seed(), state,
                t.error(), episodesDone, t.wallMillis(), t.envSteps(), t.feedbackEvents(), t.teacherSteps(), t.takeovers(),
                t.notesJson());
    }

    /**
     * Frames of an agent moving from (-0.6, -0.6) to the goal at (0.6, 0.6): a correction at t = 3, a
     * takeover from t = 6 (teacher executes t = 6..8).
     */
    static String frames(int n) {
        StringBuilder b = new StringBuilder("[");
        for (int t = 0; t <= n; t++) {
            double x = -0.6 + 1.2 * t / n;
            b.append(t > 0 ? "," : "").append("{\"t\":").append(t).append(",\"scene\":{\"bounds\":[-1,-1,1,1],\"shapes\":[")
                    .append("{\"type\":\"polygon\",\"tone\":\"obstacle\",\"filled\":true,\"points\":[[-0.2,0.1],[0.2,0.1],[0.2,0.3],[-0.2,0.3]]},")
                    .append("{\"type\":\"segment\",\"tone\":\"path\",\"from\":[-0.6,-0.6],\"to\":[0.6,0.6]},")
                    .append("{\"type\":\"circle\",\"tone\":\"goal\",\"c\":[0.6,0.6],\"r\":0.1,\"filled\":true},")
                    .append(String.format(Locale.ROOT, "{\"type\":\"circle\",\"tone\":\"agent\",\"c\":[%.4f,%.4f],\"r\":0.05,\"filled\":true},", x, x))
                    .append("{\"type\":\"text\",\"tone\":\"text\",\"at\":[-0.95,0.9],\"text\":\"two-route\"}],")
                    .append(String.format(Locale.ROOT, "\"actionFrame\":{\"origin\":[%.4f,%.4f],\"scale\":0.3,\"x\":0,\"y\":1}}", x, x));
            if (t < n) {
                String feedback = t == 3 ? "absolute" : t == 6 ? "takeover" : "none";
                boolean teacher = t == 3 || (t >= 6 && t <= 8);
                b.append(",\"learner\":[0.9,0.2],\"teacher\":[0.7,0.7],\"executed\":").append(teacher ? "[0.7,0.7]" : "[0.9,0.2]")
                        .append(",\"executedBy\":\"").append(teacher ? "teacher" : "learner").append("\",\"feedback\":\"")
                        .append(feedback).append("\",\"reward\":0,\"success\":false}");
            } else {
                b.append(",\"success\":true}");
            }
        }
        return b.append(']').toString();
    }
}
