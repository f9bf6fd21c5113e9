package io.corrigo.testkit;

import io.corrigo.api.run.ComputeDevice;
import io.corrigo.api.run.MetricSink;
import io.corrigo.api.run.RunContext;
import io.corrigo.api.run.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

/** A {@link RunContext} for tests: CPU, seeded streams as the host derives them, recorded metrics. */
public final class TestRunContext implements RunContext {

    private final long seed;
    private final Path workDirectory;
    private final Map<String, List<Double>> metrics = new ConcurrentHashMap<>();
    private final Map<String, String> units = new ConcurrentHashMap<>();
    private final Map<String, String> notes = new ConcurrentHashMap<>();

    private TestRunContext(long seed, Path workDirectory) {
        this.seed = seed;
        this.workDirectory = workDirectory;
    }

    /** A context with the given trial seed and a fresh temporary work directory. */
    public static TestRunContext withSeed(long seed) {
        try {
            return new TestRunContext(seed, Files.createTempDirectory("corrigo-test-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String trialId() {
        return "test/seed-" + seed;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public ComputeDevice device() {
        return ComputeDevice.CPU;
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
        return new MetricSink() {
            @Override
            public void record(String name, double value) {
                metrics.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>()).add(value);
            }

            @Override
            public void record(String name, double value, String unit) {
                units.put(name, unit);
                record(name, value);
            }
        };
    }

    @Override
    public Path workDirectory() {
        return workDirectory;
    }

    @Override
    public void note(String key, String value) {
        notes.put(key, value);
    }

    /** Notes recorded so far. */
    public Map<String, String> notes() {
        return Map.copyOf(notes);
    }

    @Override
    public boolean cancelled() {
        return false;
    }

    /** The unit last given with {@code name}; empty if none was. */
    public java.util.Optional<String> unit(String name) {
        return java.util.Optional.ofNullable(units.get(name));
    }

    /** Values recorded so far under {@code name}, in order. */
    public List<Double> recorded(String name) {
        return List.copyOf(metrics.getOrDefault(name, List.of()));
    }
}
