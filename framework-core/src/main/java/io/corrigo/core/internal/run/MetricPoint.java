package io.corrigo.core.internal.run;

/**
 * The mean of a learner's diagnostic over one training episode.
 *
 * @param episode the training episode (1-based)
 * @param name    the metric name, e.g. {@code loss}
 * @param value   the mean of the values recorded during the episode
 * @param count   how many values were recorded
 */
public record MetricPoint(int episode, String name, double value, long count) {
}
