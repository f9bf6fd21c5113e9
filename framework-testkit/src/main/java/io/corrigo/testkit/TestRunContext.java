package io.corrigo.testkit;

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
    private final List<Map.Entry<String, KitRandom>> generators = new ArrayList<>();

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

    /** Draws what {@code new SplittableRandom(seed(stream))} draws, as the host's generators do. */
    @Override
    public synchronized RandomGenerator random(String stream) {
        KitRandom r = new KitRandom(seed(stream));
        generators.add(Map.entry(stream, r));
        return r;
    }

    /**
     * The states of the generators handed out so far, in order: what the host saves with a
     * checkpoint ({@link io.corrigo.api.run.Checkpointable}).
     *
     * @since 1.1
     */
    public synchronized List<Map.Entry<String, Long>> generatorStates() {
        return generators.stream().map(g -> Map.entry(g.getKey(), g.getValue().state())).toList();
    }

    /**
     * Sets the generators handed out so far to {@code states} (from {@link #generatorStates()} of a
     * context of the same seed whose plugin created its generators in the same order), as the host
     * does when a trial resumes from a checkpoint.
     *
     * @since 1.1
     */
    public synchronized void restoreGenerators(List<Map.Entry<String, Long>> states) {
        if (states.size() != generators.size()) {
            throw new IllegalArgumentException(states.size() + " generator states for " + generators.size()
                    + " generators handed out");
        }
        for (int i = 0; i < states.size(); i++) {
            if (!states.get(i).getKey().equals(generators.get(i).getKey())) {
                throw new IllegalArgumentException("generator " + i + " is stream '" + generators.get(i).getKey()
                        + "', the saved state is of '" + states.get(i).getKey() + "'");
            }
            generators.get(i).getValue().setState(states.get(i).getValue());
        }
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
