package io.corrigo.core.internal.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.corrigo.api.env.Environment;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.run.Checkpointable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A trial's checkpoints in its work directory: {@value #CURRENT}/ holds the latest, with the host's
 * side in {@value #HOST_FILE} (written last) and each {@link Checkpointable} plugin's state in its
 * own folder ({@code learner/}, {@code feedback/}, {@code environment/}). A new checkpoint is written
 * beside it and swapped in by renames, so a kill at any moment leaves a complete checkpoint: the new
 * one, or the previous one under {@value #PREVIOUS}/. A clustered run moves checkpoints between
 * machines with {@link #latestDirectory} and {@link #install}.
 */
public final class Checkpoints {

    static final String CURRENT = "checkpoint";
    static final String PREVIOUS = "checkpoint.previous";
    static final String NEXT = "checkpoint.next";
    static final String HOST_FILE = "host.json";
    /** The format of {@value #HOST_FILE}; a checkpoint of another format is not used. */
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The host's side of a checkpoint taken after training episode {@code episode}. */
    record HostState(int format, int episode, Effort effort, long wallMillis, List<EvaluationPoint> evaluations,
                     List<MetricPoint> metrics, List<Rollout> rollouts, Map<String, String> notes,
                     List<HostRunContext.GeneratorState> generators, HostRunContext.Accumulated accumulated,
                     boolean landscapeFailed) {
    }

    /** A checkpoint found on disk: the host's state and the folder holding the plugins' states. */
    record Saved(HostState host, Path directory) {
    }

    private final Path workDirectory;

    Checkpoints(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    /**
     * Why the trial's plugins cannot be checkpointed, e.g. {@code learner 'bc' does not implement
     * Checkpointable}; empty when they can.
     */
    static Optional<String> unsupported(Learner learner, FeedbackSimulator feedback, Trial trial) {
        if (!(learner instanceof Checkpointable)) {
            return Optional.of("learner '" + trial.learner().id() + "' does not implement Checkpointable");
        }
        if (!(feedback instanceof Checkpointable)) {
            return Optional.of("feedback '" + trial.feedback().id() + "' does not implement Checkpointable");
        }
        return Optional.empty();
    }

    /** Writes a checkpoint of the plugins and {@code host}, replacing the previous one; returns its folder. */
    Path write(HostState host, Learner learner, FeedbackSimulator feedback, Environment environment) throws IOException {
        return install(workDirectory, next -> {
            ((Checkpointable) learner).checkpoint(Files.createDirectories(next.resolve("learner")));
            ((Checkpointable) feedback).checkpoint(Files.createDirectories(next.resolve("feedback")));
            if (environment instanceof Checkpointable e) {
                e.checkpoint(Files.createDirectories(next.resolve("environment")));
            }
            JSON.writeValue(next.resolve(HOST_FILE).toFile(), host);
        });
    }

    /** Fills a folder with a checkpoint. */
    public interface Filler {
        void fill(Path directory) throws IOException;
    }

    /**
     * Makes what {@code filler} writes into an empty folder the trial's latest checkpoint (under
     * {@code workDirectory}), replacing the previous one by renames; refused if it writes no
     * {@value #HOST_FILE}. Returns the checkpoint's folder.
     */
    public static Path install(Path workDirectory, Filler filler) throws IOException {
        Path next = workDirectory.resolve(NEXT);
        delete(next);
        Files.createDirectories(next);
        filler.fill(next);
        if (!Files.isRegularFile(next.resolve(HOST_FILE))) {
            delete(next);
            throw new IOException("not a checkpoint: it has no " + HOST_FILE);
        }
        Path current = workDirectory.resolve(CURRENT);
        Path previous = workDirectory.resolve(PREVIOUS);
        delete(previous);
        if (Files.exists(current)) {
            Files.move(current, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(next, current, StandardCopyOption.ATOMIC_MOVE);
        delete(previous);
        return current;
    }

    /** The folder of the trial's latest complete checkpoint under {@code workDirectory}, if any. */
    public static Optional<Path> latestDirectory(Path workDirectory) {
        return new Checkpoints(workDirectory).latest().map(Saved::directory);
    }

    /** The training episode after which the trial's latest checkpoint was taken, if any. */
    public static Optional<Integer> latestEpisode(Path workDirectory) {
        return new Checkpoints(workDirectory).latest().map(s -> s.host().episode());
    }

    /** What a checkpoint cost, for the trial's notes: {@code after training episode 8: 1.2 MB in 14 ms}. */
    static String describe(Path directory, int episode, long nanos) {
        long bytes;
        try (Stream<Path> files = Files.walk(directory)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            bytes = -1;
        }
        return String.format(java.util.Locale.ROOT, "after training episode %d: %s in %d ms", episode,
                bytes < 0 ? "? MB" : String.format(java.util.Locale.ROOT, "%.2f MB", bytes / 1e6), nanos / 1_000_000);
    }

    /** Removes every checkpoint of the trial whose work directory is {@code workDirectory}. */
    public static void clear(Path workDirectory) {
        new Checkpoints(workDirectory).clear();
    }

    /** The latest complete checkpoint, if any (one of another format or unreadable counts as none). */
    Optional<Saved> latest() {
        for (String name : List.of(CURRENT, PREVIOUS)) {
            Path dir = workDirectory.resolve(name);
            Path file = dir.resolve(HOST_FILE);
            if (Files.isRegularFile(file)) {
                try {
                    HostState host = JSON.readValue(file.toFile(), HostState.class);
                    if (host.format() == FORMAT) {
                        return Optional.of(new Saved(host, dir));
                    }
                } catch (IOException e) {
                    // a damaged checkpoint is not used; the one before it, or none
                }
            }
        }
        return Optional.empty();
    }

    /** Restores the plugins' states from {@code saved}, after the host checked it belongs to them. */
    static void restore(Saved saved, Learner learner, FeedbackSimulator feedback, Environment environment)
            throws IOException {
        ((Checkpointable) learner).restore(saved.directory().resolve("learner"));
        ((Checkpointable) feedback).restore(saved.directory().resolve("feedback"));
        if (environment instanceof Checkpointable e) {
            Path dir = saved.directory().resolve("environment");
            if (!Files.isDirectory(dir)) {
                throw new IOException("the checkpoint has no state of the environment, which now implements Checkpointable");
            }
            e.restore(dir);
        }
    }

    /** Restores the host's side of a trial's context: generators, undrained metric sums, notes. */
    static void restore(HostState host, HostRunContext context) {
        context.restoreGenerators(host.generators());
        context.restore(host.accumulated());
        host.notes().forEach(context::note);
    }

    /**
     * The {@code bundle.*} notes of {@code saved} that differ from {@code now}, as
     * {@code "bundle.learner: a 1.0.0 → a 2.0.0"}; empty when the same bundles run.
     */
    static List<String> changedBundles(HostState saved, Map<String, String> now) {
        Map<String, String> before = new LinkedHashMap<>();
        saved.notes().forEach((k, v) -> {
            if (k.startsWith("bundle.")) {
                before.put(k, v);
            }
        });
        return before.entrySet().stream().filter(e -> !e.getValue().equals(now.get(e.getKey())))
                .map(e -> e.getKey() + ": " + e.getValue() + " → " + now.getOrDefault(e.getKey(), "none")).toList();
    }

    /** Removes every checkpoint of the trial (it finished: its results are stored). */
    void clear() {
        for (String name : List.of(NEXT, CURRENT, PREVIOUS)) {
            try {
                delete(workDirectory.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the checkpoint " + workDirectory.resolve(name), e);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
