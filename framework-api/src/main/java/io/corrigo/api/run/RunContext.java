package io.corrigo.api.run;

import java.nio.file.Path;
import java.util.random.RandomGenerator;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The trial's resources, handed to every plugin instance it creates. Plugins never read the
 * process environment, probe devices or seed their own randomness: they ask this.
 *
 * <p>Implemented by the host; thread-safe.
 *
 * @since 1.0
 */
@ProviderType
public interface RunContext {

    /** The trial's id, e.g. {@code "quickstart/two-route/gaussian/bc/seed-1"}. */
    String trialId();

    /** The trial's seed, derived from the study seed list. */
    long seed();

    /** The resolved compute device; never {@code auto}. */
    ComputeDevice device();

    /**
     * A seed for the named stream, derived deterministically from the trial seed. Different names
     * give independent seeds; the same name always gives the same seed.
     */
    long seed(String stream);

    /** A fresh generator seeded with {@link #seed(String)}: call once per stream and keep it. */
    RandomGenerator random(String stream);

    /** Where a trial's diagnostics go. */
    MetricSink metrics();

    /** A directory private to this trial (checkpoints, artefacts); exists. */
    Path workDirectory();

    /**
     * Records a fact about this trial in its manifest: a calibrated parameter, a fallback taken, a
     * deviation from the original algorithm's settings. A later note with the same key replaces it.
     *
     * @since 1.1
     */
    void note(String key, String value);

    /** Whether the trial should stop as soon as possible (the study was cancelled). */
    boolean cancelled();
}
