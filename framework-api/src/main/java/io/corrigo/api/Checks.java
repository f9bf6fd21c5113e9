package io.corrigo.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects validation problems in a configuration record's compact constructor and throws them
 * together:
 *
 * <pre>{@code
 * public BcConfig {
 *     new Checks().positive("learningRate", learningRate).atLeast("batchSize", batchSize, 1).verify();
 * }
 * }</pre>
 *
 * Not thread-safe; use one instance per constructor call.
 *
 * @since 1.0
 */
public final class Checks {

    private final List<ConfigException.Violation> violations = new ArrayList<>();

    /** Requires {@code value > 0}. */
    public Checks positive(String field, double value) {
        return require(field, value > 0, "must be > 0 but was " + format(value));
    }

    /** Requires {@code value >= 0}. */
    public Checks nonNegative(String field, double value) {
        return require(field, value >= 0, "must be >= 0 but was " + format(value));
    }

    /** Requires {@code value >= min}. */
    public Checks atLeast(String field, double value, double min) {
        return require(field, value >= min, "must be >= " + format(min) + " but was " + format(value));
    }

    /** Requires {@code min <= value <= max}. */
    public Checks inRange(String field, double value, double min, double max) {
        return require(field, value >= min && value <= max,
                "must be in [" + format(min) + ", " + format(max) + "] but was " + format(value));
    }

    /** Requires {@code value} to be non-null. */
    public Checks present(String field, Object value) {
        return require(field, value != null, "is required");
    }

    /** Adds a violation unless {@code condition} holds. */
    public Checks require(String field, boolean condition, String message) {
        if (!condition) {
            violations.add(new ConfigException.Violation(field, message));
        }
        return this;
    }

    /** Throws a {@link ConfigException} with every violation found, if any. */
    public void verify() {
        if (!violations.isEmpty()) {
            throw new ConfigException(violations);
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
