package io.corrigo.core.internal.spec;

import java.util.Optional;

/**
 * One thing wrong with a study: an id (tag) for searching, the config path, what is wrong, an
 * optional hint of what would be right, and where.
 *
 * @param code     a stable tag such as {@code corrigo/UnknownPlugin}
 * @param path     the config path, e.g. {@code learners[0].learningRate}; empty for the whole file
 * @param message  the fact, e.g. {@code must be > 0 but was -0.001}
 * @param hint     what would be right, e.g. {@code Did you mean 'clic-half'?}
 * @param location where the offending key or value is
 */
public record Problem(String code, String path, String message, Optional<String> hint, Location location) {

    /** Problem codes. */
    public static final String UNKNOWN_PLUGIN = "corrigo/UnknownPlugin";
    public static final String UNKNOWN_KEY = "corrigo/UnknownKey";
    public static final String WRONG_TYPE = "corrigo/WrongType";
    public static final String INVALID_VALUE = "corrigo/InvalidValue";
    public static final String MISSING_VALUE = "corrigo/MissingValue";
    public static final String DUPLICATE = "corrigo/Duplicate";
    public static final String INCOMPATIBLE = "corrigo/IncompatiblePlugins";
    public static final String YAML_SYNTAX = "corrigo/YamlSyntax";
    public static final String INVALID_OVERRIDE = "corrigo/InvalidOverride";
    public static final String DEVICE_UNAVAILABLE = "corrigo/DeviceUnavailable";
    public static final String UNREADABLE = "corrigo/UnreadableFile";

    public Problem {
        if (code == null || path == null || message == null || hint == null || location == null) {
            throw new IllegalArgumentException("all components are required");
        }
    }

    /** A problem without a hint. */
    public static Problem of(String code, String path, String message, Location location) {
        return new Problem(code, path, message, Optional.empty(), location);
    }

    /** A problem with a hint. */
    public static Problem of(String code, String path, String message, String hint, Location location) {
        return new Problem(code, path, message, Optional.of(hint), location);
    }
}
