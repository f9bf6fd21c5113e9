package io.corrigo.core.internal.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Sweeps in a study (after Hydra's multirun): any field of a plugin entry may be
 * {@code {sweep: [a, b, c]}} (a grid) or {@code {sweep: {log-uniform: [lo, hi], n: N, seed: S}}} /
 * {@code {sweep: {uniform: [lo, hi], n: N, seed: S}}} (N values drawn with seed S, default 0). An
 * entry with sweeps becomes one entry per combination, labelled
 * {@code <label>.<field>-<value>…}, each an ordinary condition of the study.
 */
final class Sweeps {

    /** The key that marks a sweep. */
    static final String KEY = "sweep";
    /** The most entries one list entry may expand into. */
    static final int MAX_COMBINATIONS = 1000;
    private static final int MAX_DRAWS = 100;

    /** One entry after expansion: its node, the index of the entry it came from, and its label suffix. */
    record Expanded(Node node, int source, String suffix) {
    }

    private record Axis(NodeTuple tuple, String field, List<Node> values) {
    }

    private Sweeps() {
    }

    /** The items of {@code list} with every sweep expanded; a malformed sweep is a located problem and its entry is dropped. */
    static List<Expanded> expand(YamlDocument doc, SequenceNode list, String section, List<Problem> problems) {
        List<Expanded> out = new ArrayList<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            Node item = list.getValue().get(i);
            if (!(item instanceof MappingNode m)) {
                out.add(new Expanded(item, i, ""));
                continue;
            }
            List<Axis> axes = new ArrayList<>();
            boolean ok = true;
            for (NodeTuple t : m.getValue()) {
                if (t.getValueNode() instanceof MappingNode v && !YamlDocument.tuples(v, KEY).isEmpty()) {
                    String field = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                    List<Node> values = values(doc, v, section + "[" + i + "]." + field, problems);
                    ok &= values != null;
                    if (values != null) {
                        axes.add(new Axis(t, field, values));
                    }
                }
            }
            if (!ok) {
                continue;
            }
            long combinations = axes.stream().mapToLong(a -> a.values().size()).reduce(1, (a, b) -> a * b);
            if (combinations > MAX_COMBINATIONS) {
                problems.add(Problem.of(Problem.INVALID_VALUE, section + "[" + i + "]", "the sweeps of this entry make "
                        + combinations + " combinations", "Keep one entry to at most " + MAX_COMBINATIONS
                        + " (fewer values, or fewer swept fields).", doc.locate(m)));
                continue;
            }
            combine(m, i, axes, 0, new ArrayList<>(), "", out);
        }
        return out;
    }

    private static void combine(MappingNode m, int source, List<Axis> axes, int depth, List<Node> chosen, String suffix,
                                List<Expanded> out) {
        if (depth == axes.size()) {
            List<NodeTuple> tuples = new ArrayList<>();
            for (NodeTuple t : m.getValue()) {
                int axis = indexOf(axes, t);
                tuples.add(axis < 0 ? t : new NodeTuple(t.getKeyNode(), chosen.get(axis)));
            }
            out.add(new Expanded(new MappingNode(m.getTag(), tuples, m.getFlowStyle()), source, suffix));
            return;
        }
        Axis a = axes.get(depth);
        for (Node v : a.values()) {
            chosen.add(v);
            combine(m, source, axes, depth + 1, chosen, suffix + "." + a.field() + "-" + text(v), out);
            chosen.remove(chosen.size() - 1);
        }
    }

    private static int indexOf(List<Axis> axes, NodeTuple t) {
        for (int i = 0; i < axes.size(); i++) {
            if (axes.get(i).tuple() == t) {
                return i;
            }
        }
        return -1;
    }

    /** A value as it appears in a label: scalars as written, lists joined with 'x' ({@code [64, 64]} → {@code 64x64}). */
    private static String text(Node v) {
        if (v instanceof ScalarNode s) {
            return s.getValue().replaceAll("[^A-Za-z0-9._-]", "_");
        }
        if (v instanceof SequenceNode s) {
            return String.join("x", s.getValue().stream().map(Sweeps::text).toList());
        }
        return "map";
    }

    /** The values of one {@code {sweep: …}} mapping, or null after a problem. */
    private static List<Node> values(YamlDocument doc, MappingNode sweep, String path, List<Problem> problems) {
        if (sweep.getValue().size() != 1) {
            problems.add(Problem.of(Problem.INVALID_VALUE, path, "a sweep is a mapping with the single key sweep",
                    "Write " + last(path) + ": {sweep: [1e-4, 3e-4, 1e-3]} or {sweep: {log-uniform: [1e-5, 1e-2], n: 8}}.",
                    doc.locate(sweep)));
            return null;
        }
        Node body = sweep.getValue().get(0).getValueNode();
        if (body instanceof SequenceNode grid && !grid.getValue().isEmpty()) {
            return List.copyOf(grid.getValue());
        }
        if (body instanceof MappingNode random) {
            return draws(doc, random, path + ".sweep", problems);
        }
        problems.add(Problem.of(Problem.INVALID_VALUE, path + ".sweep", "expected a non-empty list of values or a random"
                + " sweep but was " + (body instanceof SequenceNode ? "an empty list" : ScalarValues.describe(body)), "For example {sweep: [1e-4, 3e-4, 1e-3]} (grid) or"
                + " {sweep: {log-uniform: [1e-5, 1e-2], n: 8, seed: 0}} (random).", doc.locate(body)));
        return null;
    }

    private static List<Node> draws(YamlDocument doc, MappingNode random, String path, List<Problem> problems) {
        String kind = null;
        double[] range = null;
        long n = -1;
        long seed = 0;
        for (NodeTuple t : random.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
            Node v = t.getValueNode();
            switch (key) {
                case "log-uniform", "uniform" -> {
                    kind = key;
                    range = range(v);
                    if (range == null || range[0] >= range[1] || (key.equals("log-uniform") && range[0] <= 0)) {
                        problems.add(Problem.of(Problem.INVALID_VALUE, path + "." + key, "expected [low, high] with low <"
                                + " high" + (key.equals("log-uniform") ? " and low > 0" : "") + " but was "
                                + ScalarValues.describe(v), "For example " + key + ": [1e-5, 1e-2].", doc.locate(v)));
                        return null;
                    }
                }
                case "n", "seed" -> {
                    long value = integer(v);
                    if (value < (key.equals("n") ? 1 : 0) || (key.equals("n") && value > MAX_DRAWS)) {
                        problems.add(Problem.of(Problem.INVALID_VALUE, path + "." + key, "expected " + (key.equals("n")
                                ? "a whole number of draws from 1 to " + MAX_DRAWS : "a whole number >= 0") + " but was "
                                + ScalarValues.describe(v), doc.locate(v)));
                        return null;
                    }
                    if (key.equals("n")) {
                        n = value;
                    } else {
                        seed = value;
                    }
                }
                default -> {
                    problems.add(RecordBinder.unknownKey(path, key, java.util.Set.of("log-uniform", "uniform", "n", "seed"),
                            doc.locate(t.getKeyNode())));
                    return null;
                }
            }
        }
        if (kind == null || n < 0) {
            problems.add(Problem.of(Problem.MISSING_VALUE, path, "a random sweep needs a distribution and n",
                    "For example {log-uniform: [1e-5, 1e-2], n: 8} (seed: 0 unless given).", doc.locate(random)));
            return null;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Node> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            double x = kind.equals("uniform") ? range[0] + u * (range[1] - range[0])
                    : Math.exp(Math.log(range[0]) + u * (Math.log(range[1]) - Math.log(range[0])));
            values.add(new ScalarNode(Tag.FLOAT, String.format(Locale.ROOT, "%.3g", x), random.getStartMark(),
                    random.getEndMark(), DumperOptions.ScalarStyle.PLAIN));
        }
        return values;
    }

    private static double[] range(Node v) {
        if (!(v instanceof SequenceNode s) || s.getValue().size() != 2) {
            return null;
        }
        try {
            return new double[] {number(s.getValue().get(0)), number(s.getValue().get(1))};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double number(Node n) {
        if (n instanceof ScalarNode s && (Tag.INT.equals(s.getTag()) || Tag.FLOAT.equals(s.getTag()))) {
            return Double.parseDouble(s.getValue().replace("_", ""));
        }
        throw new NumberFormatException();
    }

    private static long integer(Node n) {
        if (n instanceof ScalarNode s && Tag.INT.equals(s.getTag())) {
            try {
                return Long.parseLong(s.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
