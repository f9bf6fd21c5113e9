package io.corrigo.reports.data;

/**
 * A learner diagnostic averaged over one training episode.
 *
 * @param trialId the trial
 * @param episode training episode
 * @param name    metric name, e.g. loss
 * @param value   the episode mean
 */
public record MetricRow(long trialId, int episode, String name, double value) {
}
