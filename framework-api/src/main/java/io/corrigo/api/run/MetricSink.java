package io.corrigo.api.run;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Receives a trial's diagnostics (losses, buffer sizes, timings). Cheap to call from the trial
 * thread; the host aggregates values per training episode.
 *
 * @since 1.0
 */
@ProviderType
public interface MetricSink {

    /** Records one value of the named metric, e.g. {@code record("loss", 0.12)}. Non-finite values are dropped. */
    void record(String name, double value);

    /**
     * Records one value with its unit, e.g. {@code record("loss", 0.12, "nats")} or
     * {@code record("labels", 40, "labels")}; the report names the unit on the metric's chart. The
     * unit of a name is the last one given; an empty unit means the value has none.
     *
     * @since 1.2
     */
    default void record(String name, double value, String unit) {
        record(name, value);
    }
}
