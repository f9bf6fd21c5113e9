package io.corrigo.plugin.clic;

import io.corrigo.api.run.MetricSink;

/** Per-episode means of a learner's update measurements, recorded when the episode ends. */
final class UpdateMetrics {

    private int updates;
    private double loss;
    private double divergence;
    private double penalty;
    private double gradientMax;

    void add(io.corrigo.djl.ebm.ContrastiveTrainer.Step step) {
        add(step.loss());
        divergence += step.divergence();
        penalty += step.penalty();
        gradientMax = Math.max(gradientMax, step.gradientMax());
    }

    void add(double stepLoss) {
        updates++;
        loss += stepLoss;
    }

    /** Records {@code updates} and, if any, the means; then resets. */
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
