package io.corrigo.reports.site;

import io.corrigo.reports.data.EvaluationRow;
import io.corrigo.reports.data.TrialRow;
import io.corrigo.reports.table.Comparison;
import java.util.List;
import java.util.Optional;

/**
 * One seed's result, by the rules the site names: "final" is the mean success rate of the last
 * {@link Comparison#FINAL_WINDOW} evaluations after training started (episode &gt; 0; the untrained
 * evaluation only while there is no other), "best" the best such evaluation. A running trial is scored
 * on the points it has so far and marked provisional.
 *
 * @param trial       the trial
 * @param finalRate   the final success rate
 * @param bestRate    the best evaluation's success rate
 * @param successes   successful rollouts in the final window
 * @param episodes    rollouts in the final window
 * @param provisional true for a running trial
 */
record TrialScore(TrialRow trial, double finalRate, double bestRate, long successes, long episodes,
                  boolean provisional) {

    static final int WINDOW = Comparison.FINAL_WINDOW;

    static final String FINAL_RULE = "final: mean success of each seed's last " + WINDOW
            + " evaluations after training started, averaged over seeds";
    static final String BEST_RULE = "best: each seed's best evaluation after training started, averaged over seeds"
            + " (optimistic: picked on evaluation data)";
    static final String SUCCESS_RULE = "success: evaluation rollouts of the last " + WINDOW
            + " evaluations pooled over seeds, 95% Wilson interval";
    static final String SEEDS_RULE = "seeds: 95% bootstrap interval of the per-seed final success, resampling seeds";

    /** The score of a finished or running trial with evaluation points; empty otherwise. */
    static Optional<TrialScore> of(TrialRow trial, List<EvaluationRow> evaluations) {
        boolean running = "running".equals(trial.state());
        if (!(running || "done".equals(trial.state())) || evaluations.isEmpty()) {
            return Optional.empty();
        }
        List<EvaluationRow> trained = evaluations.stream().filter(e -> e.episode() > 0 && e.episodes() > 0).toList();
        List<EvaluationRow> pool = trained.isEmpty()
                ? evaluations.stream().filter(e -> e.episodes() > 0).toList() : trained;
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        List<EvaluationRow> window = pool.subList(Math.max(0, pool.size() - WINDOW), pool.size());
        return Optional.of(new TrialScore(trial,
                window.stream().mapToDouble(TrialScore::rate).average().orElseThrow(),
                pool.stream().mapToDouble(TrialScore::rate).max().orElseThrow(),
                window.stream().mapToLong(EvaluationRow::successes).sum(),
                window.stream().mapToLong(EvaluationRow::episodes).sum(), running));
    }

    static double rate(EvaluationRow e) {
        return e.episodes() == 0 ? Double.NaN : (double) e.successes() / e.episodes();
    }
}
