package io.corrigo.api.env;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A named set of action dimensions corrected together by partial feedback.
 *
 * @param name       short label, e.g. {@code "ball-1"}
 * @param dimensions distinct, non-negative action indices
 * @since 1.0
 */
public record ActionGroup(String name, List<Integer> dimensions) {

    public ActionGroup {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        dimensions = List.copyOf(dimensions);
        if (dimensions.isEmpty() || dimensions.stream().anyMatch(d -> d < 0)
                || dimensions.stream().distinct().count() != dimensions.size()) {
            throw new IllegalArgumentException("dimensions must be distinct, non-negative and non-empty: " + dimensions);
        }
    }

    /** One group named {@code "all"} holding dimensions {@code 0..dimension-1}. */
    public static ActionGroup all(int dimension) {
        return new ActionGroup("all", IntStream.range(0, dimension).boxed().toList());
    }
}
