package io.corrigo.djl;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A learner's named counters (trial steps, actions drawn, updates made), saved beside its tensors
 * as a {@link Properties} file: a learner that draws its {@code k}-th action or update from
 * {@link RandomStreams#at(long, long)} saves {@code k} here and continues the same streams after
 * loading. Values are whole numbers written in decimal; a counter missing from a file reads as 0.
 *
 * <p>Immutable; {@link #and(String, long)} returns a new set. Names must not be blank, nothing here
 * accepts or returns {@code null}.
 *
 * @since 1.2
 */
public final class LearnerCounters {

    private final Map<String, String> values;

    private LearnerCounters(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** A set holding the one counter {@code name = value}. */
    public static LearnerCounters of(String name, long value) {
        return new LearnerCounters(Map.of()).and(name, value);
    }

    /** This set with {@code name = value} added, or replaced when {@code name} is already held. */
    public LearnerCounters and(String name, long value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a counter needs a name, was '" + name + "'");
        }
        Map<String, String> next = new LinkedHashMap<>(values);
        next.put(name, Long.toString(value));
        return new LearnerCounters(next);
    }

    /**
     * The counter {@code name}, 0 when it is not held.
     *
     * @throws NumberFormatException if the file read held something other than a whole number there
     */
    public long get(String name) {
        return Long.parseLong(values.getOrDefault(name, "0"));
    }

    /** Writes the counters, in the order added, to {@code file} under the comment line {@code comment}. */
    public void save(Path file, String comment) throws IOException {
        Properties state = new Properties();
        values.forEach(state::setProperty);
        try (Writer out = Files.newBufferedWriter(file)) {
            state.store(out, comment);
        }
    }

    /** The counters {@link #save(Path, String) saved} to {@code file}. */
    public static LearnerCounters load(Path file) throws IOException {
        Properties state = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            state.load(in);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : state.stringPropertyNames()) {
            values.put(name, state.getProperty(name));
        }
        return new LearnerCounters(values);
    }
}
