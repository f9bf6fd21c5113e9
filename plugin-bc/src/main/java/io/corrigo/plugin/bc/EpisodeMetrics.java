package io.corrigo.plugin.bc;

import io.corrigo.api.run.MetricSink;
import io.corrigo.djl.ebm.ContrastiveTrainer;

/** Per-episode means of an energy learner's update measurements, recorded at the episode's end. */
final class EpisodeMetrics {

    private int updates;
    private double loss;
    private double divergence;
    private double penalty;
    private double gradientMax;

    void add(ContrastiveTrainer.Step step) {
        updates++;
        loss += step.loss();
        divergence += step.divergence();
        penalty += step.penalty();
        gradientMax = Math.max(gradientMax, step.gradientMax());
    }

    /** Records {@code updates} and, if any, the means of loss, divergence and penalty; then resets. */
    void flush(MetricSink sink) {
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
