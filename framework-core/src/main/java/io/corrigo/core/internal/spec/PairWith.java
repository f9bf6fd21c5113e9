package io.corrigo.core.internal.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A learner entry's {@code pairWith: [feedback labels]}: the learner runs only under those feedback
 * conditions, so one study can hold learners that need different simulators (RLIF under a gate,
 * DAgger under the DAgger simulator) without impossible pairs. Without it a learner runs under
 * every condition.
 */
final class PairWith {

    static final String KEY = "pairWith";

    private PairWith() {
    }

    /**
     * The labels under {@code pairWith} in {@code entry}, empty if absent; reports a wrong shape and
     * labels that are not among {@code feedbackLabels}.
     */
    static List<String> read(YamlDocument doc, MappingNode entry, String path, Set<String> feedbackLabels,
                             List<Problem> problems) {
        List<NodeTuple> tuples = YamlDocument.tuples(entry, KEY);
        if (tuples.isEmpty()) {
            return List.of();
        }
        Node value = tuples.get(0).getValueNode();
        List<Node> items = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
        List<String> labels = new ArrayList<>();
        for (Node item : items) {
            if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
                labels.add(s.getValue());
                if (!feedbackLabels.contains(s.getValue())) {
                    problems.add(Problem.of(Problem.INVALID_VALUE, path + "." + KEY, "no feedback condition is labelled '"
                                    + s.getValue() + "'",
                            "Feedback labels: " + String.join(", ", feedbackLabels) + "."
                                    + Suggestions.closest(s.getValue(), feedbackLabels).map(x -> "\nDid you mean '" + x + "'?")
                                            .orElse(""), doc.locate(item)));
                }
            } else {
                problems.add(Problem.of(Problem.WRONG_TYPE, path + "." + KEY, "expected a list of feedback labels but was "
                        + ScalarValues.describe(item), doc.locate(item)));
            }
        }
        if (labels.isEmpty() && problems.stream().noneMatch(p -> p.path().equals(path + "." + KEY))) {
            problems.add(Problem.of(Problem.INVALID_VALUE, path + "." + KEY, "names no feedback condition",
                    "List the labels of the feedback entries this learner runs under, or leave pairWith out.",
                    doc.locate(value)));
        }
        return List.copyOf(labels);
    }
}
