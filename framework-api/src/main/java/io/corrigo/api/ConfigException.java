package io.corrigo.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by a configuration record's compact constructor when values are invalid. Carries every
 * violation so that the host can report each one at the location of its field.
 *
 * @since 1.0
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** One invalid field: its record component name and what is wrong, phrased as a fact. */
    public record Violation(String field, String message) {
        public Violation {
            if (field == null || field.isBlank() || message == null || message.isBlank()) {
                throw new IllegalArgumentException("field and message are required");
            }
        }
    }

    private final transient List<Violation> violations;

    /** An exception carrying at least one violation. */
    public ConfigException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("at least one violation is required");
        }
        this.violations = List.copyOf(violations);
    }

    /** The violations, in the order they were found. */
    public List<Violation> violations() {
        return violations;
    }
}
