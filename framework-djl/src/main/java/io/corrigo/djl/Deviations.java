package io.corrigo.djl;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists how a configuration record differs from a reference one (the original algorithm's
 * settings), for a trial's manifest: {@code "hiddenSizes=[128, 128] (original [512, 512])"}.
 *
 * @since 1.1
 */
public final class Deviations {

    private Deviations() {
    }

    /** The components of {@code config} whose values differ from {@code reference}'s, in declaration order. */
    public static <R extends Record> List<String> of(R config, R reference) {
        if (config.getClass() != reference.getClass()) {
            throw new IllegalArgumentException("different record types: " + config.getClass() + ", " + reference.getClass());
        }
        List<String> out = new ArrayList<>();
        for (RecordComponent c : config.getClass().getRecordComponents()) {
            Object mine = read(c, config);
            Object theirs = read(c, reference);
            if (!java.util.Objects.equals(mine, theirs)) {
                out.add(c.getName() + "=" + mine + " (original " + theirs + ")");
            }
        }
        return out;
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getName(), e);
        }
    }
}
