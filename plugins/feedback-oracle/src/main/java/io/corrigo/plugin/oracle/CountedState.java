package io.corrigo.plugin.oracle;

import io.corrigo.api.run.Checkpointable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A simulator of this bundle whose state across episodes is a few counters (a bank of unused
 * consultations, the episodes seen): those are its checkpoint, in {@value #FILE}. Its random
 * generator comes from the run context, so the host keeps that.
 */
interface CountedState extends Checkpointable {

    String FILE = "simulator.properties";

    /** The counters that carry over from one training episode to the next. */
    Map<String, Long> counters();

    /** Continues from {@code counters} (from {@link #counters()} of the same simulator). */
    void setCounters(Map<String, Long> counters);

    @Override
    default void checkpoint(Path directory) throws IOException {
        Properties p = new Properties();
        counters().forEach((k, v) -> p.setProperty(k, Long.toString(v)));
        try (Writer out = Files.newBufferedWriter(directory.resolve(FILE), StandardCharsets.UTF_8)) {
            p.store(out, "feedback simulator state");
        }
    }

    @Override
    default void restore(Path directory) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(directory.resolve(FILE), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Map<String, Long> counters = new TreeMap<>();
        try {
            for (String name : p.stringPropertyNames()) {
                counters.put(name, Long.parseLong(p.getProperty(name)));
            }
        } catch (NumberFormatException e) {
            throw new IOException(directory.resolve(FILE) + " holds a counter that is not a number: " + e.getMessage(), e);
        }
        if (!counters.keySet().equals(counters().keySet())) {
            throw new IOException(directory.resolve(FILE) + " holds " + counters.keySet() + ", expected "
                    + counters().keySet());
        }
        setCounters(counters);
    }
}
