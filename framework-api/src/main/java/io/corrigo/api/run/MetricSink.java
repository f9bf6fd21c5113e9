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
}
