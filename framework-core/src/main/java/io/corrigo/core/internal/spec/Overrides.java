package io.corrigo.core.internal.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Applies {@code --set path=value} assignments to a study document before it is bound. Paths are
 * dotted keys with list selectors by index or by label/id: {@code budget.episodes=5},
 * {@code learners[0].learningRate=1e-3}, {@code feedback[gaussian].noise.gaussian=true}. The value
 * is YAML: {@code seeds=[1,2]} sets a list.
 */
final class Overrides {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)((?:\\[[^\\]]+\\])*)");
    private static final Pattern SELECTOR = Pattern.compile("\\[([^\\]]+)\\]");

    private Overrides() {
    }

    /** Applies each assignment in order; malformed ones become problems. */
    static void apply(YamlDocument document, List<String> assignments, List<Problem> problems) {
        for (String a : assignments) {
            Location where = Location.override(a);
            int eq = a.indexOf('=');
            if (eq <= 0) {
                problems.add(Problem.of(Problem.INVALID_OVERRIDE, "", "'" + a + "' is not an assignment",
                        "Write PATH=VALUE, e.g. --set budget.episodes=5 or --set learners[0].learningRate=0.001.", where));
                continue;
            }
            String path = a.substring(0, eq).trim();
            Node value;
            try {
                value = YamlDocument.parseValue(a.substring(eq + 1));
            } catch (RuntimeException e) {
                problems.add(Problem.of(Problem.INVALID_OVERRIDE, path, "the value is not valid YAML: " + e.getMessage(), where));
                continue;
            }
            document.markOverride(value, where);
            try {
                assign(document.root(), parse(path), value, document, where);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of(Problem.INVALID_OVERRIDE, path, e.getMessage(), where));
            }
        }
    }

    private record Step(String key, List<String> selectors) {
    }

    private static List<Step> parse(String path) {
        List<Step> steps = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + path + "' is not a path like budget.episodes or learners[0].learningRate");
            }
            List<String> selectors = new ArrayList<>();
            Matcher s = SELECTOR.matcher(m.group(2));
            while (s.find()) {
                selectors.add(s.group(1).trim());
            }
            steps.add(new Step(m.group(1), selectors));
        }
        return steps;
    }

    private static void assign(MappingNode root, List<Step> steps, Node value, YamlDocument doc, Location where) {
        MappingNode current = root;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (last && step.selectors().isEmpty()) {
                put(current, step.key(), value, doc, where);
                return;
            }
            Node child = get(current, step.key());
            if (child == null) {
                if (!step.selectors().isEmpty()) {
                    throw new IllegalArgumentException("there is no list '" + step.key() + "' to select from");
                }
                child = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
                doc.markOverride(child, where);
                put(current, step.key(), child, doc, where);
            }
            for (int s = 0; s < step.selectors().size(); s++) {
                if (last && s == step.selectors().size() - 1) {
                    replaceElement(child, step, step.selectors().get(s), value);
                    return;
                }
                child = select(child, step, step.selectors().get(s));
            }
            if (!(child instanceof MappingNode m)) {
                throw new IllegalArgumentException("'" + step.key() + "' is not a mapping, so it has no keys to set");
            }
            current = m;
        }
    }

    private static Node select(Node node, Step step, String selector) {
        SequenceNode seq = sequence(node, step);
        return seq.getValue().get(indexOf(seq, step, selector));
    }

    private static void replaceElement(Node node, Step step, String selector, Node value) {
        SequenceNode seq = sequence(node, step);
        seq.getValue().set(indexOf(seq, step, selector), value);
    }

    private static SequenceNode sequence(Node node, Step step) {
        if (!(node instanceof SequenceNode seq)) {
            throw new IllegalArgumentException("'" + step.key() + "' is not a list");
        }
        return seq;
    }

    private static int indexOf(SequenceNode seq, Step step, String selector) {
        List<Node> items = seq.getValue();
        if (selector.matches("\\d+")) {
            int i = Integer.parseInt(selector);
            if (i >= items.size()) {
                throw new IllegalArgumentException(step.key() + "[" + i + "] does not exist: the list has "
                        + items.size() + " entries");
            }
            return i;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof MappingNode m) {
                String name = scalar(get(m, "label"));
                if (name == null) {
                    name = scalar(get(m, "id"));
                }
                if (selector.equals(name)) {
                    return i;
                }
                names.add(name);
            }
        }
        throw new IllegalArgumentException("no entry labelled '" + selector + "' in " + step.key() + "; entries: " + names);
    }

    private static Node get(MappingNode m, String key) {
        List<NodeTuple> t = YamlDocument.tuples(m, key);
        return t.isEmpty() ? null : t.get(0).getValueNode();
    }

    private static void put(MappingNode m, String key, Node value, YamlDocument doc, Location where) {
        List<NodeTuple> tuples = m.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            if (tuples.get(i).getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                tuples.set(i, new NodeTuple(k, value));
                return;
            }
        }
        ScalarNode k = new ScalarNode(Tag.STR, key, null, null, DumperOptions.ScalarStyle.PLAIN);
        doc.markOverride(k, where);
        tuples.add(new NodeTuple(k, value));
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }
}
