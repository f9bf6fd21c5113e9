package io.corrigo.djl.ebm;

import io.corrigo.api.run.MetricSink;

/**
 * Per-episode measurements of a learner's updates, recorded when the episode ends: the number of
 * updates, the means of loss, divergence and penalty, and the largest gradient seen. Learners
 * without an energy network {@link #add(double) add only the loss}; their divergence, penalty and
 * gradient are recorded as 0.
 *
 * <p>Single-threaded: the trial thread adds and flushes.
 *
 * @since 1.2
 */
public final class EpisodeMetrics {

    private int updates;
    private double loss;
    private double divergence;
    private double penalty;
    private double gradientMax;

    /** Counts one update of a {@link ContrastiveTrainer} and what it measured. */
    public void add(ContrastiveTrainer.Step step) {
        add(step.loss());
        divergence += step.divergence();
        penalty += step.penalty();
        gradientMax = Math.max(gradientMax, step.gradientMax());
    }

    /** Counts one update that measured only its loss. */
    public void add(double stepLoss) {
        updates++;
        loss += stepLoss;
    }

    /**
     * Records {@code updates} and, if there were any, the means of {@code loss}, {@code divergence}
     * and {@code penalty} and the largest {@code gradientMax} into {@code sink}; then starts over.
     */
    public void flush(MetricSink sink) {
        sink.record("updates", updates);
        if (updates > 0) {
            sink.record("loss", loss / updates);
            sink.record("divergence", divergence / updates);
            sink.record("penalty", penalty / updates);
            sink.record("gradientMax", gradientMax);
        }
        updates = 0;
        loss = 0;
        divergence = 0;
        penalty = 0;
        gradientMax = 0;
    }
}
