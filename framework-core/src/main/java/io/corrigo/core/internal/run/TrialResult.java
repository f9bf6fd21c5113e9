package io.corrigo.core.internal.run;

import java.util.List;
import java.util.Map;

/**
 * Everything a finished trial produced; stored in one transaction.
 *
 * @param trial       the trial
 * @param evaluations evaluation points in order
 * @param metrics     per-episode diagnostics
 * @param effort      total training effort
 * @param wallMillis  wall time
 * @param notes       facts the plugins recorded for the manifest (calibrations, fallbacks, deviations)
 * @param rollouts    recorded episodes for replay
 */
public record TrialResult(Trial trial, List<EvaluationPoint> evaluations, List<MetricPoint> metrics, Effort effort,
                          long wallMillis, Map<String, String> notes, List<Rollout> rollouts) {

    public TrialResult {
        evaluations = List.copyOf(evaluations);
        metrics = List.copyOf(metrics);
        notes = Map.copyOf(notes);
        rollouts = List.copyOf(rollouts);
    }
}
