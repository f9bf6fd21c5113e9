package io.corrigo.core.internal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corrigo.core.internal.run.EvaluationPoint;
import io.corrigo.core.internal.store.Store;
import io.corrigo.core.internal.store.StoredStudy;
import io.corrigo.core.internal.store.StoredTrial;
import io.corrigo.reports.stats.Interval;
import io.corrigo.reports.stats.StratifiedBootstrap;
import io.corrigo.reports.table.CellSummary;
import io.corrigo.reports.table.Comparison;
import io.corrigo.reports.table.TextTable;
import io.corrigo.reports.table.TrialOutcome;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The comparison table of a stored study run, as text or JSON, read from the store alone. */
final class ResultsView {

    private final ObjectMapper mapper;

    @Inject
    ResultsView(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<CellSummary> rows(Store store, StoredStudy study) {
        Map<Long, List<EvaluationPoint>> evals = store.evaluations(study.id());
        List<TrialOutcome> outcomes = new ArrayList<>();
        for (StoredTrial t : store.trials(study.id())) {
            List<TrialOutcome.Evaluation> e = evals.getOrDefault(t.id(), List.of()).stream()
                    .map(p -> new TrialOutcome.Evaluation(p.episode(), p.successes(), p.episodes(), p.meanProgress())).toList();
            outcomes.add(new TrialOutcome(t.environment(), t.feedback(), t.learner(), t.seed(), t.state(), e,
                    t.effort().feedbackEvents(), t.effort().teacherSteps()));
        }
        return Comparison.summarize(outcomes, Comparison.FINAL_WINDOW);
    }

    String text(Store store, StoredStudy study) {
        StringBuilder b = new StringBuilder();
        b.append("Study '").append(study.name()).append("' (run #").append(study.id()).append(", ").append(study.state())
                .append(", device ").append(study.device()).append(", started ").append(study.createdAt()).append(wallTime(study)).append(")\n\n");
        b.append(TextTable.render(rows(store, study), Comparison.FINAL_WINDOW));
        Map<String, Map<String, Integer>> modes = finalModes(store, study);
        if (!modes.isEmpty()) {
            b.append("\nModes of the final evaluation's rollouts, over seeds (where the task has modes):\n");
            modes.forEach((cell, counts) -> b.append("  ").append(cell).append(": ").append(describe(counts)).append('\n'));
        }
        Map<String, Interval> drawn = finalDraws(store, study);
        if (!drawn.isEmpty()) {
            b.append("\nIn-set rate of the policy's independent draws at every state (budget.drawsPerState), final"
                    + " evaluation, mean over seeds [95% bootstrap CI]:\n");
            drawn.forEach((cell, i) -> b.append(String.format(Locale.ROOT, "  %s: %.3f [%.3f, %.3f]%n", cell, i.estimate(),
                    i.low(), i.high())));
        }
        List<StoredTrial> failed = store.trials(study.id()).stream().filter(t -> t.state().equals("failed")).toList();
        if (!failed.isEmpty()) {
            b.append("\nFailed trials (").append(failed.size()).append("):\n");
            failed.forEach(t -> b.append("  ").append(t.key()).append(": ")
                    .append(t.error().lines().findFirst().orElse("")).append('\n'));
        }
        return b.toString();
    }

    /**
     * For each cell ({@code environment / feedback / learner}), the modes of its finished trials'
     * last evaluation added up; cells without modes are left out.
     */
    static Map<String, Map<String, Integer>> finalModes(Store store, StoredStudy study) {
        Map<Long, List<EvaluationPoint>> evals = store.evaluations(study.id());
        Map<String, Map<String, Integer>> cells = new LinkedHashMap<>();
        for (StoredTrial t : store.trials(study.id())) {
            List<EvaluationPoint> points = evals.getOrDefault(t.id(), List.of());
            if (!t.state().equals("done") || points.isEmpty() || points.get(points.size() - 1).modes().isEmpty()) {
                continue;
            }
            EvaluationPoint last = points.get(points.size() - 1);
            Map<String, Integer> counts = cells.computeIfAbsent(t.environment() + " / " + t.feedback() + " / " + t.learner(),
                    k -> new TreeMap<>());
            last.modes().forEach((mode, n) -> counts.merge(mode, n, Integer::sum));
        }
        return cells;
    }

    /**
     * For each cell whose finished trials drew actions per state, the mean over seeds of the final
     * in-set rate of those draws, with a 95 % bootstrap interval over the seeds.
     */
    static Map<String, Interval> finalDraws(Store store, StoredStudy study) {
        Map<Long, Double> values = store.finalMetric(study.id(), "eval.inSetPerState");
        Map<String, List<Double>> cells = new LinkedHashMap<>();
        for (StoredTrial t : store.trials(study.id())) {
            Double v = values.get(t.id());
            if (t.state().equals("done") && v != null) {
                cells.computeIfAbsent(t.environment() + " / " + t.feedback() + " / " + t.learner(), k -> new ArrayList<>()).add(v);
            }
        }
        Map<String, Interval> out = new LinkedHashMap<>();
        cells.forEach((cell, v) -> out.put(cell, StratifiedBootstrap.interval(List.of(v.stream().mapToDouble(Double::doubleValue)
                .toArray()), runs -> java.util.Arrays.stream(runs.get(0)).average().orElse(0), 2000, 1)));
        return out;
    }

    /** {@code "left 31 (52%), right 29 (48%)"}. */
    static String describe(Map<String, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        List<String> parts = new ArrayList<>();
        counts.forEach((mode, n) -> parts.add(String.format(Locale.ROOT, "%s %d (%.0f%%)", mode, n, 100.0 * n / total)));
        return String.join(", ", parts);
    }

    /** {@code ", wall time 12m 03s"} for a study that ended, else nothing. */
    static String wallTime(StoredStudy study) {
        if (study.finishedAt() == null || study.finishedAt().isEmpty()) {
            return "";
        }
        try {
            long s = Duration.between(Instant.parse(study.createdAt()), Instant.parse(study.finishedAt())).toSeconds();
            return String.format(Locale.ROOT, ", wall time %dm %02ds", s / 60, s % 60);
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    String json(Store store, StoredStudy study) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode s = root.putObject("study");
        s.put("name", study.name());
        s.put("run", study.id());
        s.put("state", study.state());
        s.put("device", study.device());
        s.put("createdAt", study.createdAt());
        s.put("finishedAt", study.finishedAt());
        s.put("trials", study.trialsTotal());
        root.put("finalWindow", Comparison.FINAL_WINDOW);
        ArrayNode rows = root.putArray("rows");
        Map<String, Map<String, Integer>> modes = finalModes(store, study);
        Map<String, Interval> draws = finalDraws(store, study);
        for (CellSummary c : rows(store, study)) {
            ObjectNode r = rows.addObject();
            r.put("environment", c.environment());
            r.put("feedback", c.feedback());
            r.put("learner", c.learner());
            Map<String, Integer> cellModes = modes.get(c.environment() + " / " + c.feedback() + " / " + c.learner());
            Interval d = draws.get(c.environment() + " / " + c.feedback() + " / " + c.learner());
            if (d != null) {
                r.putObject("inSetPerState").put("mean", d.estimate()).put("low", d.low()).put("high", d.high());
            }
            if (cellModes != null) {
                ObjectNode m = r.putObject("finalModes");
                cellModes.forEach(m::put);
            }
            c.success().ifPresentOrElse(i -> {
                ObjectNode o = r.putObject("success");
                o.put("estimate", i.estimate());
                o.put("low", i.low());
                o.put("high", i.high());
            }, () -> r.putNull("success"));
            r.put("final", c.seedsFinished() > 0 ? c.finalMean() : null);
            r.put("best", c.seedsFinished() > 0 ? c.bestMean() : null);
            if (c.seedsFinished() > 0) {
                r.putObject("progress").put("mean", c.progressMean()).put("sd", c.progressSd());
            } else {
                r.putNull("progress");
            }
            r.put("feedbackEvents", c.seedsFinished() > 0 ? c.feedbackMean() : null);
            r.put("teacherSteps", c.seedsFinished() > 0 ? c.teacherStepsMean() : null);
            r.put("seedsFinished", c.seedsFinished());
            r.put("seedsFailed", c.seedsFailed());
            r.put("seedsTotal", c.seedsTotal());
        }
        ArrayNode failures = root.putArray("failures");
        store.trials(study.id()).stream().filter(t -> t.state().equals("failed")).forEach(t -> {
            ObjectNode f = failures.addObject();
            f.put("trial", t.key());
            f.put("seed", t.seed());
            f.put("error", t.error());
        });
        return root.toPrettyString();
    }
}
