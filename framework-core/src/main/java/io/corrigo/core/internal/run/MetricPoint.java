package io.corrigo.core.internal.run;

/**
 * The mean of a learner's diagnostic over one training episode.
 *
 * @param episode the training episode (1-based)
 * @param name    the metric name, e.g. {@code loss}
 * @param value   the mean of the values recorded during the episode
 * @param count   how many values were recorded
 * @param unit    the unit the learner gave, e.g. {@code nats}; empty when it gave none
 */
public record MetricPoint(int episode, String name, double value, long count, String unit) {

    public MetricPoint {
        unit = unit == null ? "" : unit;
    }

    /** A point without a unit. */
    public MetricPoint(int episode, String name, double value, long count) {
        this(episode, name, value, count, "");
    }
}
