package io.corrigo.core.internal.spec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The keys of a study entry that the host reads itself rather than the plugin's configuration. */
final class HostKeys {

    private HostKeys() {
    }

    /** A learner's own {@code trialTimeLimit} (whole seconds, 0: none), if it sets one. */
    static Optional<Integer> timeLimit(YamlDocument doc, MappingNode m, String path, List<Problem> problems) {
        List<NodeTuple> t = YamlDocument.tuples(m, "trialTimeLimit");
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Node n = t.get(0).getValueNode();
        if (n instanceof ScalarNode s && org.yaml.snakeyaml.nodes.Tag.INT.equals(s.getTag())) {
            try {
                int v = Integer.parseInt(s.getValue().replace("_", ""));
                if (v >= 0) {
                    return Optional.of(v);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        problems.add(Problem.of(Problem.INVALID_VALUE, path + ".trialTimeLimit", "expected whole seconds >= 0 but was "
                + ScalarValues.describe(n), "For example trialTimeLimit: 600 (0: no limit).", doc.locate(n)));
        return Optional.empty();
    }

    /** A feedback condition's {@code teacherQuery}: {@code proposal} (the default) or {@code executed}. */
    static TeacherQuery teacherQuery(YamlDocument doc, MappingNode m, String path, List<Problem> problems) {
        List<NodeTuple> t = YamlDocument.tuples(m, TeacherQuery.KEY);
        if (t.isEmpty()) {
            return TeacherQuery.PROPOSAL;
        }
        Node n = t.get(0).getValueNode();
        if (n instanceof ScalarNode s) {
            for (TeacherQuery q : TeacherQuery.values()) {
                if (q.yaml().equals(s.getValue().trim().toLowerCase(Locale.ROOT))) {
                    return q;
                }
            }
        }
        problems.add(Problem.of(Problem.INVALID_VALUE, path + "." + TeacherQuery.KEY, "expected proposal or executed but was "
                + ScalarValues.describe(n), "proposal asks the scripted teacher about the learner's proposal (the default);"
                + " executed asks it about the action executed at the step, a carried-over correction included (the CLIC"
                + " repository's loop).", doc.locate(n)));
        return TeacherQuery.PROPOSAL;
    }
}
