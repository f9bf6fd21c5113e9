package io.corrigo.reports.site;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corrigo.reports.data.EvaluationRow;
import io.corrigo.reports.data.TrialRow;
import io.corrigo.reports.stats.Interval;
import io.corrigo.reports.stats.SeedBootstrap;
import io.corrigo.reports.stats.Wilson;
import java.util.List;
import java.util.Optional;

/**
 * The comparison matrix: rows are learners, columns feedback conditions grouped by environment. Each
 * cell pools the final window of its scored seeds (Wilson interval), bootstraps the per-seed final
 * success over seeds, and names how many seeds finished, run, or failed.
 */
final class MatrixView {

    /** One cell's numbers. */
    private record Cell(List<TrialRow> trials, List<TrialScore> scores, Optional<Interval> success,
                        Optional<Interval> seeds, double best, double feedbackMean, double teacherMean) {

        int count(String state) {
            return (int) trials.stream().filter(t -> t.state().equals(state)).count();
        }

        boolean provisional() {
            return scores.stream().anyMatch(TrialScore::provisional);
        }
    }

    private MatrixView() {
    }

    static Reply of(StudySnapshot study) {
        int resamples = Resampling.resamples(study);
        ObjectNode root = Json.object();
        root.put("studyId", study.id());
        root.set("environments", Json.MAPPER.valueToTree(study.detail().environments()));
        root.set("feedback", Json.MAPPER.valueToTree(study.detail().feedback()));
        root.set("learners", Json.MAPPER.valueToTree(study.detail().learners()));
        ArrayNode columns = root.putArray("columns");
        study.columns().forEach(c -> columns.addObject().put("environment", c.environment()).put("feedback", c.feedback()));
        root.put("finalWindow", TrialScore.WINDOW).put("resamples", resamples).put("seed", Resampling.SEED);
        root.putObject("rules").put("success", TrialScore.SUCCESS_RULE).put("seeds", TrialScore.SEEDS_RULE)
                .put("final", TrialScore.FINAL_RULE).put("best", TrialScore.BEST_RULE);
        Table.Builder table = Table.of("environment", "feedback", "learner", "success", "successLow", "successHigh",
                "seedMean", "seedLow", "seedHigh", "final", "best", "seedsFinished", "seedsRunning", "seedsFailed",
                "seedsTotal", "provisional", "feedbackEventsMean", "teacherStepsMean");
        ArrayNode rows = root.putArray("rows");
        for (String learner : study.detail().learners()) {
            ArrayNode cells = rows.addObject().put("learner", learner).putArray("cells");
            for (StudySnapshot.Column column : study.columns()) {
                Cell cell = cell(study, column, learner, resamples);
                cells.add(json(study, column, learner, cell));
                table.row(column.environment(), column.feedback(), learner, part(cell.success(), 0),
                        part(cell.success(), 1), part(cell.success(), 2), part(cell.seeds(), 0), part(cell.seeds(), 1),
                        part(cell.seeds(), 2), part(cell.seeds(), 0), cell.best(), cell.count("done"),
                        cell.count("running"), cell.count("failed"), cell.trials().size(), cell.provisional(),
                        cell.feedbackMean(), cell.teacherMean());
            }
        }
        return new Reply(root, table.build());
    }

    private static Cell cell(StudySnapshot study, StudySnapshot.Column column, String learner, int resamples) {
        List<TrialScore> scores = study.scores(column, learner);
        long successes = scores.stream().mapToLong(TrialScore::successes).sum();
        long episodes = scores.stream().mapToLong(TrialScore::episodes).sum();
        double[] finals = scores.stream().mapToDouble(TrialScore::finalRate).toArray();
        return new Cell(study.cell(column, learner), scores,
                episodes > 0 ? Optional.of(Wilson.interval95(successes, episodes)) : Optional.empty(),
                finals.length > 0 ? Optional.of(SeedBootstrap.meanInterval(finals, resamples, Resampling.SEED))
                        : Optional.empty(),
                scores.stream().mapToDouble(TrialScore::bestRate).average().orElse(Double.NaN),
                scores.stream().mapToDouble(s -> effort(study, s.trial(), true)).average().orElse(Double.NaN),
                scores.stream().mapToDouble(s -> effort(study, s.trial(), false)).average().orElse(Double.NaN));
    }

    private static ObjectNode json(StudySnapshot study, StudySnapshot.Column column, String learner, Cell cell) {
        ObjectNode n = Json.object().put("environment", column.environment()).put("feedback", column.feedback())
                .put("learner", learner);
        Json.putInterval(n, "success", cell.success());
        Json.putInterval(n, "seedMean", cell.seeds());
        Json.put(n, "final", part(cell.seeds(), 0));
        Json.put(n, "best", cell.best());
        n.put("seedsScored", cell.scores().size()).put("seedsFinished", cell.count("done"))
                .put("seedsRunning", cell.count("running")).put("seedsFailed", cell.count("failed"))
                .put("seedsTotal", cell.trials().size()).put("provisional", cell.provisional());
        Json.put(n, "feedbackEventsMean", cell.feedbackMean());
        Json.put(n, "teacherStepsMean", cell.teacherMean());
        ArrayNode trials = n.putArray("trials");
        for (TrialRow t : cell.trials()) {
            Optional<TrialScore> score = cell.scores().stream().filter(s -> s.trial().id() == t.id()).findFirst();
            ObjectNode row = trials.addObject().put("id", t.id()).put("seed", t.seed()).put("state", t.state())
                    .put("episodesDone", t.episodesDone()).put("error", t.error() == null ? "" : t.error());
            Json.put(row, "final", score.map(TrialScore::finalRate).orElse(Double.NaN));
            Json.put(row, "best", score.map(TrialScore::bestRate).orElse(Double.NaN));
            row.put("feedbackEvents", (long) effort(study, t, true)).put("teacherSteps", (long) effort(study, t, false));
        }
        return n;
    }

    /** Feedback events or teacher steps: the trial's total, or for a running one its latest evaluation's count. */
    private static double effort(StudySnapshot study, TrialRow t, boolean feedback) {
        long counted = feedback ? t.feedbackEvents() : t.teacherSteps();
        List<EvaluationRow> points = study.evaluations(t.id());
        if (points.isEmpty()) {
            return counted;
        }
        EvaluationRow last = points.get(points.size() - 1);
        return Math.max(counted, feedback ? last.feedbackEvents() : last.teacherSteps());
    }

    /** 0 = estimate, 1 = low, 2 = high; NaN when absent. */
    private static double part(Optional<Interval> i, int which) {
        return i.map(v -> which == 0 ? v.estimate() : which == 1 ? v.low() : v.high()).orElse(Double.NaN);
    }
}
