package io.corrigo.reports.data;

/**
 * A learner diagnostic averaged over one training episode.
 *
 * @param trialId the trial
 * @param episode training episode
 * @param name    metric name, e.g. loss
 * @param value   the episode mean
 * @param unit    the unit the learner gave, e.g. nats; empty when none
 */
public record MetricRow(long trialId, int episode, String name, double value, String unit) {

    public MetricRow {
        unit = unit == null ? "" : unit;
    }

    /** A row without a unit. */
    public MetricRow(long trialId, int episode, String name, double value) {
        this(trialId, episode, name, value, "");
    }
}
