package io.corrigo.plugin.clic;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** A learner's counters (trial steps, actions drawn, updates made), saved beside its tensors. */
final class LearnerState {

    private LearnerState() {
    }

    static void save(Path file, long steps, long acts, long updates) throws IOException {
        Properties state = new Properties();
        state.setProperty("steps", Long.toString(steps));
        state.setProperty("acts", Long.toString(acts));
        state.setProperty("updates", Long.toString(updates));
        try (Writer out = Files.newBufferedWriter(file)) {
            state.store(out, "CLIC learner counters");
        }
    }

    /** {@code [steps, acts, updates]}. */
    static long[] load(Path file) throws IOException {
        Properties state = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            state.load(in);
        }
        return new long[] {Long.parseLong(state.getProperty("steps", "0")), Long.parseLong(state.getProperty("acts", "0")),
                Long.parseLong(state.getProperty("updates", "0"))};
    }
}
