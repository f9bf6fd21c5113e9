package io.corrigo.core.internal.run;

import io.corrigo.api.run.ComputeDevice;
import io.corrigo.api.run.MetricSink;
import io.corrigo.api.run.RunContext;
import io.corrigo.api.run.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/**
 * The host's {@link RunContext} for one trial. Metrics are averaged per training episode; the
 * runner takes them with {@link #drainEpisode(int)}.
 */
final class HostRunContext implements RunContext {

    private final String trialId;
    private final long seed;
    private final ComputeDevice device;
    private final Path workDirectory;
    private final BooleanSupplier cancelled;
    private final Map<String, double[]> sums = new TreeMap<>();
    private final Map<String, String> notes = new TreeMap<>();
    private final Map<String, String> units = new TreeMap<>();
    private final MetricSink sink = new MetricSink() {
        @Override
        public void record(String name, double value) {
            HostRunContext.this.record(name, value, null);
        }

        @Override
        public void record(String name, double value, String unit) {
            HostRunContext.this.record(name, value, unit == null ? "" : unit.strip());
        }
    };

    HostRunContext(String trialId, long seed, ComputeDevice device, Path workDirectory, BooleanSupplier cancelled) {
        this.trialId = trialId;
        this.seed = seed;
        this.device = device;
        this.workDirectory = workDirectory;
        this.cancelled = cancelled;
    }

    @Override
    public String trialId() {
        return trialId;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public ComputeDevice device() {
        return device;
    }

    @Override
    public long seed(String stream) {
        return Seeds.derive(seed, stream);
    }

    @Override
    public RandomGenerator random(String stream) {
        return new SplittableRandom(seed(stream));
    }

    @Override
    public MetricSink metrics() {
        return sink;
    }

    /** Adds a value to the episode's mean; a non-null {@code unit} becomes the name's unit. */
    private synchronized void record(String name, double value, String unit) {
        if (name != null && unit != null) {
            units.put(name, unit);
        }
        if (name != null && Double.isFinite(value)) {
            double[] s = sums.computeIfAbsent(name, k -> new double[2]);
            s[0] += value;
            s[1]++;
        }
    }

    /** The episode's metric means; resets the accumulators. */
    synchronized List<MetricPoint> drainEpisode(int episode) {
        List<MetricPoint> points = new ArrayList<>();
        sums.forEach((name, s) -> points.add(new MetricPoint(episode, name, s[0] / s[1], (long) s[1],
                units.getOrDefault(name, ""))));
        sums.clear();
        return points;
    }

    @Override
    public Path workDirectory() {
        try {
            return Files.createDirectories(workDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the trial directory " + workDirectory, e);
        }
    }

    @Override
    public synchronized void note(String key, String value) {
        if (key == null || key.isBlank() || value == null) {
            throw new IllegalArgumentException("a note needs a key and a value");
        }
        notes.put(key, value);
    }

    synchronized Map<String, String> notes() {
        return Map.copyOf(notes);
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }
}
