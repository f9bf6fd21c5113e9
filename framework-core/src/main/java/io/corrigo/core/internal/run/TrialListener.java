package io.corrigo.core.internal.run;

/** Live events of running trials (progress bars, the report site). Called from trial threads. */
public interface TrialListener {

    /** A trial started. */
    default void onStart(Trial trial) {
    }

    /** A training episode finished. */
    default void onEpisode(Trial trial, int episode, int episodes) {
    }

    /** A training episode's diagnostics (not yet committed). */
    default void onMetrics(Trial trial, java.util.List<MetricPoint> points) {
    }

    /** A rollout was recorded (not yet committed). */
    default void onRollout(Trial trial, Rollout rollout) {
    }

    /** An evaluation point is available (not yet committed: the trial may still fail). */
    default void onEvaluation(Trial trial, EvaluationPoint point) {
    }

    /**
     * A checkpoint of the trial after training episode {@code episode} is complete in
     * {@code directory} (valid until the next one replaces it; see {@link Checkpoints}).
     */
    default void onCheckpoint(Trial trial, int episode, java.nio.file.Path directory) {
    }

    /** A trial finished and its results were committed. */
    default void onFinish(TrialResult result) {
    }

    /** A trial failed; nothing of it was committed but the failure. */
    default void onFailure(Trial trial, TrialFailedException failure) {
    }
}
