package io.corrigo.core.internal.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads {@code seeds}: a list of distinct non-negative integers, or a count n meaning 1..n. */
final class SeedList {

    static final List<Long> DEFAULT = List.of(1L, 2L, 3L);

    private SeedList() {
    }

    static List<Long> read(YamlDocument doc, Node node, List<Problem> problems) {
        if (node == null) {
            return DEFAULT;
        }
        if (node instanceof ScalarNode s && Tag.INT.equals(s.getTag())) {
            long n = parse(s);
            if (n < 1 || n > 1000) {
                problems.add(Problem.of(Problem.INVALID_VALUE, "seeds", "a seed count must be in [1, 1000] but was " + s.getValue(),
                        doc.locate(node)));
                return DEFAULT;
            }
            return LongStream.rangeClosed(1, n).boxed().toList();
        }
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(Problem.of(Problem.WRONG_TYPE, "seeds", "expected a non-empty list of integers or a count but was "
                    + ScalarValues.describe(node), "For example seeds: [1, 2, 3] or seeds: 3.", doc.locate(node)));
            return DEFAULT;
        }
        List<Long> seeds = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            String path = "seeds[" + i + "]";
            if (!(item instanceof ScalarNode s) || !Tag.INT.equals(s.getTag())) {
                problems.add(Problem.of(Problem.WRONG_TYPE, path, "expected an integer but was " + ScalarValues.describe(item),
                        doc.locate(item)));
                continue;
            }
            long v = parse(s);
            if (v < 0) {
                problems.add(Problem.of(Problem.INVALID_VALUE, path, "a seed must be an integer from 0 to "
                        + Long.MAX_VALUE + " but was " + s.getValue(), doc.locate(item)));
            } else if (!seen.add(v)) {
                problems.add(Problem.of(Problem.DUPLICATE, path, "seed " + v + " is listed twice", doc.locate(item)));
            } else {
                seeds.add(v);
            }
        }
        return seeds;
    }

    /** The decimal value, or -1 when it is not a decimal integer that fits a long (reported by the caller). */
    private static long parse(ScalarNode s) {
        try {
            return Long.parseLong(s.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
