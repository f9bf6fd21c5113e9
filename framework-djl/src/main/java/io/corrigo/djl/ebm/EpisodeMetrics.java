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

    private final String lossUnit;
    private int updates;
    private double loss;
    private double divergence;
    private double penalty;
    private double gradientMax;

    /** Metrics of a contrastive (InfoNCE) learner: the loss is a cross-entropy in nats. */
    public EpisodeMetrics() {
        this("nats");
    }

    /**
     * Metrics whose loss has the unit {@code lossUnit}, e.g. {@code "action units"} for a hinge loss.
     *
     * @since 1.2 (package version 1.2.0)
     */
    public EpisodeMetrics(String lossUnit) {
        this.lossUnit = lossUnit;
    }

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
        sink.record("updates", updates, "updates");
        if (updates > 0) {
            sink.record("loss", loss / updates, lossUnit);
            sink.record("divergence", divergence / updates, "nats");
            sink.record("penalty", penalty / updates, "(energy / action unit)²");
            sink.record("gradientMax", gradientMax, "energy / action unit");
        }
        updates = 0;
        loss = 0;
        divergence = 0;
        penalty = 0;
        gradientMax = 0;
    }
}
