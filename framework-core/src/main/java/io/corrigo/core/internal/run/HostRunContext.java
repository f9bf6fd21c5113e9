package io.corrigo.core.internal.run;

import io.corrigo.api.run.ComputeDevice;
import io.corrigo.api.run.MetricSink;
import io.corrigo.api.run.RunContext;
import io.corrigo.api.run.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final List<Map.Entry<String, StreamRandom>> generators = new ArrayList<>();
    private final Map<String, Deque<Long>> restoredStates = new HashMap<>();
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

    /**
     * A generator drawing what {@code new SplittableRandom(seed(stream))} would, whose state the host
     * saves at checkpoints; a generator created after {@link #restoreGenerators} continues from its
     * saved state.
     */
    @Override
    public synchronized RandomGenerator random(String stream) {
        StreamRandom r = new StreamRandom(seed(stream));
        Deque<Long> saved = restoredStates.get(stream);
        if (saved != null && !saved.isEmpty()) {
            r.setState(saved.poll());
        }
        generators.add(Map.entry(stream, r));
        return r;
    }

    /** The state of one generator handed out by {@link #random(String)}. */
    record GeneratorState(String stream, long state) {
    }

    /** The states of every generator handed out so far, in the order they were created. */
    synchronized List<GeneratorState> generatorStates() {
        return generators.stream().map(g -> new GeneratorState(g.getKey(), g.getValue().state())).toList();
    }

    /**
     * Sets the generators handed out so far to {@code states} (the n-th generator of a stream to the
     * n-th saved state of that stream); saved states left over go to the generators created later.
     */
    synchronized void restoreGenerators(List<GeneratorState> states) {
        restoredStates.clear();
        for (GeneratorState g : states) {
            restoredStates.computeIfAbsent(g.stream(), k -> new ArrayDeque<>()).add(g.state());
        }
        for (Map.Entry<String, StreamRandom> g : generators) {
            Deque<Long> saved = restoredStates.get(g.getKey());
            if (saved != null && !saved.isEmpty()) {
                g.getValue().setState(saved.poll());
            }
        }
    }

    /** The metric sums not yet drained, by name ({@code [sum, count]}), and every unit given so far. */
    synchronized Accumulated accumulated() {
        Map<String, double[]> copy = new TreeMap<>();
        sums.forEach((k, v) -> copy.put(k, v.clone()));
        return new Accumulated(copy, new TreeMap<>(units));
    }

    /** Replaces the undrained sums and adds the units of {@code saved} (from {@link #accumulated()}). */
    synchronized void restore(Accumulated saved) {
        sums.clear();
        saved.sums().forEach((k, v) -> sums.put(k, v.clone()));
        units.putAll(saved.units());
    }

    /** Metric sums and units between two drains. */
    record Accumulated(Map<String, double[]> sums, Map<String, String> units) {
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
