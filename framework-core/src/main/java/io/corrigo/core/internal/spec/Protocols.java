package io.corrigo.core.internal.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A study's {@code protocol}: {@code corrigo} (the default) changes nothing; {@code clic-original}
 * writes into every matching entry each setting that makes Corrigo's loop behave as the CLIC
 * repository's ({@code main_IIL.py}), unless the entry sets that key itself — so any one of them can
 * still be turned back. The settings written are returned for the manifest's deviations.
 */
final class Protocols {

    static final String KEY = "protocol";
    static final String CORRIGO = "corrigo";
    static final String CLIC_ORIGINAL = "clic-original";

    /** One setting: in {@code section}, for entries with one of {@code ids} (empty: any), {@code key: value}. */
    private record Setting(String section, Set<String> ids, String key, Supplier<Node> value, String shown) {
    }

    private static final Set<String> SECTIONS = Set.of("environments", "feedback", "learners");
    private static final Set<String> TOYS = Set.of("toy-ball", "toy-square", "toy-two-circles");

    private static final List<Setting> CLIC_ORIGINAL_SETTINGS = List.of(
            new Setting("feedback", Set.of(), TeacherQuery.KEY, () -> scalar("executed"), "executed"),
            new Setting("environments", TOYS, "reset", () -> scalar("original"), "original"),
            new Setting("environments", TOYS, "observations", () -> scalar("raw"), "raw"),
            new Setting("learners", Set.of("bc"), "init", () -> scalar("keras"), "keras"),
            new Setting("learners", Set.of("bc"), "outputSquash", () -> scalar("sigmoid2"), "sigmoid2"),
            new Setting("learners", Set.of("bc"), "adamEpsilon", () -> number("1.0e-7"), "1e-7"),
            new Setting("learners", Set.of("clic-circular"), "schedule", () -> mapping(Map.of("warmupUpdates", "10",
                    "cycleUpdates", "162000", "minLearningRate", "1.0e-5")),
                    "{warmupUpdates: 10, cycleUpdates: 162000, minLearningRate: 1e-5}"));

    private Protocols() {
    }

    /**
     * Applies the protocol named by {@code node} (absent: {@code corrigo}) to the entries under
     * {@code root}; returns the protocol's name (null after a problem) and adds what it set to {@code applied}.
     */
    static String apply(YamlDocument doc, MappingNode root, Node node, List<String> applied, List<Problem> problems) {
        String name = StudyLoader.string(doc, node, KEY, CORRIGO, problems);
        if (name == null) {
            return null;
        }
        if (name.equals(CORRIGO)) {
            return name;
        }
        if (!name.equals(CLIC_ORIGINAL)) {
            problems.add(Problem.of(Problem.INVALID_VALUE, KEY, "'" + name + "' is not a protocol",
                    "Use corrigo (Corrigo's loop, the default) or clic-original (the CLIC repository's loop: the teacher"
                            + " asked about the executed action, the toys' original reset and raw observations, the Keras"
                            + " HG-DAgger network, CLIC-Circular's torch learning-rate schedule)."
                            + Suggestions.closest(name, List.of(CORRIGO, CLIC_ORIGINAL)).map(s -> "\nDid you mean '" + s + "'?")
                            .orElse(""), doc.locate(node)));
            return null;
        }
        for (NodeTuple section : root.getValue()) {
            if (section.getKeyNode() instanceof ScalarNode k && SECTIONS.contains(k.getValue())
                    && section.getValueNode() instanceof SequenceNode seq) {
                apply(k.getValue(), seq, applied);
            }
        }
        return name;
    }

    private static void apply(String section, SequenceNode seq, List<String> applied) {
        List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
                item = new MappingNode(Tag.MAP, new ArrayList<>(List.of(new NodeTuple(scalar("id"), s))),
                        DumperOptions.FlowStyle.FLOW);
                items.set(i, item);
            }
            if (!(item instanceof MappingNode m)) {
                continue;
            }
            String id = YamlDocument.tuples(m, "id").stream().map(NodeTuple::getValueNode)
                    .filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue()).findFirst().orElse("");
            for (Setting s : CLIC_ORIGINAL_SETTINGS) {
                if (s.section().equals(section) && (s.ids().isEmpty() || s.ids().contains(id))
                        && YamlDocument.tuples(m, s.key()).isEmpty()) {
                    m.getValue().add(new NodeTuple(scalar(s.key()), s.value().get()));
                    applied.add(section + "[" + i + "] (" + id + ") " + s.key() + "=" + s.shown());
                }
            }
        }
    }

    private static ScalarNode scalar(String value) {
        return new ScalarNode(Tag.STR, value, null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    private static ScalarNode number(String value) {
        return new ScalarNode(value.contains(".") ? Tag.FLOAT : Tag.INT, value, null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    private static MappingNode mapping(Map<String, String> numbers) {
        List<NodeTuple> tuples = new ArrayList<>();
        numbers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> tuples.add(new NodeTuple(scalar(e.getKey()), number(e.getValue()))));
        return new MappingNode(Tag.MAP, tuples, DumperOptions.FlowStyle.FLOW);
    }
}
