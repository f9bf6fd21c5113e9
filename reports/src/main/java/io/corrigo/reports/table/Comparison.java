package io.corrigo.reports.table;

import io.corrigo.reports.stats.Summary;
import io.corrigo.reports.stats.Wilson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Summarises trials into one row per environment × feedback × learner. Only finished trials count;
 * failed ones are counted as such, never averaged in.
 */
public final class Comparison {

    /** Default number of final evaluation points averaged for "final". */
    public static final int FINAL_WINDOW = 3;

    private Comparison() {
    }

    /** Rows in order of first appearance (environment, then feedback, then learner as planned). */
    public static List<CellSummary> summarize(List<TrialOutcome> trials, int finalWindow) {
        if (finalWindow < 1) {
            throw new IllegalArgumentException("finalWindow must be >= 1: " + finalWindow);
        }
        Map<List<String>, List<TrialOutcome>> cells = new LinkedHashMap<>();
        for (TrialOutcome t : trials) {
            cells.computeIfAbsent(List.of(t.environment(), t.feedback(), t.learner()), k -> new ArrayList<>()).add(t);
        }
        List<CellSummary> rows = new ArrayList<>();
        cells.forEach((key, list) -> rows.add(cell(key, list, finalWindow)));
        return rows;
    }

    private static CellSummary cell(List<String> key, List<TrialOutcome> trials, int k) {
        List<TrialOutcome> done = trials.stream()
                .filter(t -> t.state().equals(TrialOutcome.DONE) && !t.evaluations().isEmpty()).toList();
        int failed = (int) trials.stream().filter(t -> t.state().equals(TrialOutcome.FAILED)).count();
        long successes = 0;
        long episodes = 0;
        List<Double> finals = new ArrayList<>();
        List<Double> bests = new ArrayList<>();
        List<Double> progress = new ArrayList<>();
        for (TrialOutcome t : done) {
            List<TrialOutcome.Evaluation> trained = t.evaluations().stream().filter(e -> e.episode() > 0).toList();
            List<TrialOutcome.Evaluation> window = tail(trained.isEmpty() ? t.evaluations() : trained, k);
            successes += window.stream().mapToLong(TrialOutcome.Evaluation::successes).sum();
            episodes += window.stream().mapToLong(TrialOutcome.Evaluation::episodes).sum();
            finals.add(window.stream().mapToDouble(TrialOutcome.Evaluation::rate).average().orElse(0));
            progress.add(window.stream().mapToDouble(TrialOutcome.Evaluation::progress).average().orElse(0));
            bests.add((trained.isEmpty() ? t.evaluations() : trained).stream()
                    .mapToDouble(TrialOutcome.Evaluation::rate).max().orElse(0));
        }
        return new CellSummary(key.get(0), key.get(1), key.get(2), done.size(), trials.size(), failed,
                episodes > 0 ? Optional.of(Wilson.interval95(successes, episodes)) : Optional.empty(),
                Summary.mean(finals), Summary.mean(bests), Summary.mean(progress),
                Summary.std(progress),
                Summary.mean(done.stream().map(t -> (double) t.feedbackEvents()).toList()),
                Summary.mean(done.stream().map(t -> (double) t.teacherSteps()).toList()));
    }

    private static List<TrialOutcome.Evaluation> tail(List<TrialOutcome.Evaluation> list, int k) {
        return list.subList(Math.max(0, list.size() - k), list.size());
    }
}
