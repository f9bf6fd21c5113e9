package io.corrigo.reports.site;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corrigo.reports.data.EvaluationRow;
import io.corrigo.reports.data.TrialRow;
import io.corrigo.reports.stats.Interval;
import io.corrigo.reports.stats.SeedBootstrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Learning curves per condition (environment × feedback), one line per learner: at each evaluation
 * episode the mean success over the seeds that reached it, a bootstrap band over seeds, and the mean
 * human effort so far (feedback events, teacher-executed steps) for plotting against effort; and each
 * seed's own curve, for per-seed lines.
 */
final class CurvesView {

    static final String BAND_RULE = "band: 95% bootstrap interval over seeds (" + Resampling.LIVE
            + " resamples); x = training episodes, or the mean cumulative human effort at that evaluation";

    private record Sample(double rate, long feedbackEvents, long teacherSteps, long envSteps, boolean provisional) {
    }

    private CurvesView() {
    }

    static Reply of(StudySnapshot study) {
        ObjectNode root = Json.object().put("studyId", study.id()).put("band", BAND_RULE);
        ArrayNode conditions = root.putArray("conditions");
        Table.Builder table = Table.of("environment", "feedback", "learner", "episode", "seeds", "mean", "low", "high",
                "feedbackEvents", "teacherSteps", "envSteps", "provisional");
        for (StudySnapshot.Column column : study.columns()) {
            ObjectNode condition = conditions.addObject().put("environment", column.environment())
                    .put("feedback", column.feedback());
            ArrayNode lines = condition.putArray("lines");
            for (String learner : study.detail().learners()) {
                ObjectNode line = lines.addObject().put("learner", learner);
                ArrayNode points = line.putArray("points");
                perSeed(study, study.cell(column, learner), line.putArray("seeds"));
                byEpisode(study, study.cell(column, learner)).forEach((episode, samples) -> {
                    ObjectNode p = point(episode, samples);
                    points.add(p);
                    table.row(column.environment(), column.feedback(), learner, episode, samples.size(),
                            p.get("mean").asDouble(), p.get("low").asDouble(), p.get("high").asDouble(),
                            p.get("feedbackEvents").asDouble(), p.get("teacherSteps").asDouble(),
                            p.get("envSteps").asDouble(), p.get("provisional").asBoolean());
                });
            }
        }
        return new Reply(root, table.build());
    }

    /** Each seed's own curve: its evaluations in order, for per-seed lines. */
    private static void perSeed(StudySnapshot study, List<TrialRow> trials, ArrayNode out) {
        for (TrialRow t : trials) {
            if (!(t.state().equals("done") || t.state().equals("running"))) {
                continue;
            }
            ArrayNode points = out.addObject().put("seed", t.seed()).put("trialId", t.id()).putArray("points");
            for (EvaluationRow e : study.evaluations(t.id())) {
                if (e.episodes() > 0) {
                    ObjectNode p = points.addObject().put("episode", e.episode());
                    Json.put(p, "rate", TrialScore.rate(e));
                    p.put("feedbackEvents", e.feedbackEvents()).put("teacherSteps", e.teacherSteps())
                            .put("envSteps", e.envSteps());
                }
            }
        }
    }

    private static Map<Integer, List<Sample>> byEpisode(StudySnapshot study, List<TrialRow> trials) {
        Map<Integer, List<Sample>> samples = new TreeMap<>();
        for (TrialRow t : trials) {
            if (!(t.state().equals("done") || t.state().equals("running"))) {
                continue;
            }
            for (EvaluationRow e : study.evaluations(t.id())) {
                if (e.episodes() > 0) {
                    samples.computeIfAbsent(e.episode(), k -> new ArrayList<>()).add(new Sample(TrialScore.rate(e),
                            e.feedbackEvents(), e.teacherSteps(), e.envSteps(), e.provisional()));
                }
            }
        }
        return samples;
    }

    private static ObjectNode point(int episode, List<Sample> samples) {
        double[] rates = samples.stream().mapToDouble(Sample::rate).toArray();
        Interval band = SeedBootstrap.meanInterval(rates, Resampling.LIVE, Resampling.SEED);
        ObjectNode p = Json.object().put("episode", episode).put("seeds", samples.size());
        Json.put(p, "mean", band.estimate());
        Json.put(p, "low", band.low());
        Json.put(p, "high", band.high());
        Json.put(p, "feedbackEvents", samples.stream().mapToLong(Sample::feedbackEvents).average().orElse(0));
        Json.put(p, "teacherSteps", samples.stream().mapToLong(Sample::teacherSteps).average().orElse(0));
        Json.put(p, "envSteps", samples.stream().mapToLong(Sample::envSteps).average().orElse(0));
        return p.put("provisional", samples.stream().anyMatch(Sample::provisional));
    }
}
