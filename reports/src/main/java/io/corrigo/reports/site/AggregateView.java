package io.corrigo.reports.site;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corrigo.reports.stats.Interval;
import io.corrigo.reports.stats.Iqm;
import io.corrigo.reports.stats.PerformanceProfile;
import io.corrigo.reports.stats.ProbabilityOfImprovement;
import io.corrigo.reports.stats.StratifiedBootstrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Aggregates per learner across tasks (environment × feedback condition), after rliable: IQM and mean
 * of every seed's final success, probability of improvement over a baseline learner, and the
 * performance profile, each with stratified-bootstrap 95 % intervals (percentile method, fixed seed).
 */
final class AggregateView {

    static final String IQM_RULE = "IQM: mean of the middle 50% of all seed x task final success rates;"
            + " 95% stratified bootstrap interval (seeds resampled within each task), percentile method";
    static final String IMPROVEMENT_RULE = "P(improvement): chance that a random seed of the learner beats a random"
            + " seed of the baseline on the same task (ties 1/2), averaged over tasks both have results for";
    static final String PROFILE_RULE = "profile: fraction of all seed x task final success rates above tau";

    /** One learner's final success per task (only tasks with at least one scored seed) and the task indices. */
    private record Runs(List<double[]> scores, List<Integer> tasks) {
        Runs on(List<Integer> only) {
            List<double[]> kept = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                if (only.contains(tasks.get(i))) {
                    kept.add(scores.get(i));
                }
            }
            return new Runs(kept, only);
        }
    }

    private AggregateView() {
    }

    /** The aggregates with P(improvement) against {@code baseline}; empty baseline = the first learner. */
    static Reply of(StudySnapshot study, Optional<String> baseline) {
        List<String> learners = study.detail().learners();
        String base = baseline.filter(b -> !b.isBlank()).orElse(learners.isEmpty() ? "" : learners.get(0));
        if (!learners.isEmpty() && !learners.contains(base)) {
            throw new IllegalArgumentException("no learner '" + base + "' in study " + study.id() + "; learners: "
                    + String.join(", ", learners));
        }
        int resamples = Resampling.resamples(study);
        ObjectNode root = Json.object().put("studyId", study.id()).put("baseline", base).put("resamples", resamples)
                .put("seed", Resampling.SEED).put("provisional", study.running());
        ArrayNode tasks = root.putArray("tasks");
        study.columns().forEach(c -> tasks.addObject().put("environment", c.environment()).put("feedback", c.feedback()));
        root.putObject("rules").put("iqm", IQM_RULE).put("improvement", IMPROVEMENT_RULE).put("profile", PROFILE_RULE)
                .put("final", TrialScore.FINAL_RULE);
        Table.Builder table = Table.of("learner", "tasks", "runs", "iqm", "iqmLow", "iqmHigh", "mean", "meanLow",
                "meanHigh", "baseline", "improvement", "improvementLow", "improvementHigh");
        Runs baseRuns = runs(study, base);
        ArrayNode rows = root.putArray("learners");
        for (String learner : learners) {
            rows.add(learner(learner, runs(study, learner), base, baseRuns, resamples, table));
        }
        return new Reply(root, table.build());
    }

    private static ObjectNode learner(String learner, Runs runs, String base, Runs baseRuns, int resamples,
                                      Table.Builder table) {
        ObjectNode row = Json.object().put("learner", learner).put("tasks", runs.scores().size())
                .put("runs", runs.scores().stream().mapToInt(r -> r.length).sum());
        Optional<Interval> iqm = Optional.empty();
        Optional<Interval> mean = Optional.empty();
        if (!runs.scores().isEmpty()) {
            List<Interval> both = StratifiedBootstrap.intervals(runs.scores(),
                    r -> new double[]{Iqm.ofRuns(r), mean(r)}, resamples, Resampling.SEED);
            iqm = Optional.of(both.get(0));
            mean = Optional.of(both.get(1));
            row.set("profile", profile(runs.scores(), resamples));
        } else {
            row.putArray("profile");
        }
        Optional<Interval> improvement = learner.equals(base) ? Optional.empty() : improvement(runs, baseRuns, resamples);
        Json.putInterval(row, "iqm", iqm);
        Json.putInterval(row, "mean", mean);
        Json.putInterval(row, "improvement", improvement);
        table.row(learner, runs.scores().size(), row.get("runs").asInt(), est(iqm, 0), est(iqm, 1), est(iqm, 2),
                est(mean, 0), est(mean, 1), est(mean, 2), base, est(improvement, 0), est(improvement, 1),
                est(improvement, 2));
        return row;
    }

    private static Optional<Interval> improvement(Runs runs, Runs baseRuns, int resamples) {
        List<Integer> shared = runs.tasks().stream().filter(baseRuns.tasks()::contains).toList();
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ProbabilityOfImprovement.interval(runs.on(shared).scores(), baseRuns.on(shared).scores(),
                resamples, Resampling.SEED));
    }

    private static ArrayNode profile(List<double[]> scores, int resamples) {
        ArrayNode points = Json.array();
        for (PerformanceProfile.Point p : PerformanceProfile.of(scores, PerformanceProfile.unitGrid(), resamples,
                Resampling.SEED)) {
            ObjectNode n = points.addObject();
            Json.put(n, "tau", p.tau());
            Json.put(n, "estimate", p.fraction().estimate());
            Json.put(n, "low", p.fraction().low());
            Json.put(n, "high", p.fraction().high());
        }
        return points;
    }

    private static Runs runs(StudySnapshot study, String learner) {
        List<double[]> scores = new ArrayList<>();
        List<Integer> tasks = new ArrayList<>();
        List<StudySnapshot.Column> columns = study.columns();
        for (int t = 0; t < columns.size(); t++) {
            double[] finals = study.scores(columns.get(t), learner).stream().mapToDouble(TrialScore::finalRate).toArray();
            if (finals.length > 0) {
                scores.add(finals);
                tasks.add(t);
            }
        }
        return new Runs(scores, tasks);
    }

    private static double mean(List<double[]> runs) {
        double sum = 0;
        int n = 0;
        for (double[] task : runs) {
            for (double v : task) {
                sum += v;
                n++;
            }
        }
        return sum / n;
    }

    private static double est(Optional<Interval> i, int which) {
        return i.map(v -> which == 0 ? v.estimate() : which == 1 ? v.low() : v.high()).orElse(Double.NaN);
    }
}
