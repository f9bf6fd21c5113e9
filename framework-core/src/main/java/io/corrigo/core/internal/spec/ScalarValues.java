package io.corrigo.core.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Converts YAML nodes (with their resolved tags) to Jackson trees, and describes them for messages. */
final class ScalarValues {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ScalarValues() {
    }

    static JsonNode toJson(Node node) {
        if (node instanceof MappingNode m) {
            ObjectNode o = F.objectNode();
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
                o.set(key, toJson(t.getValueNode()));
            }
            return o;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode a = F.arrayNode();
            s.getValue().forEach(n -> a.add(toJson(n)));
            return a;
        }
        ScalarNode s = (ScalarNode) node;
        String v = s.getValue();
        Tag tag = s.getTag();
        if (Tag.NULL.equals(tag)) {
            return F.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            String l = v.toLowerCase(Locale.ROOT);
            return F.booleanNode(l.equals("true") || l.equals("yes") || l.equals("on") || l.equals("y"));
        }
        if (Tag.INT.equals(tag)) {
            try {
                BigInteger b = new BigInteger(v.replace("_", ""));
                return b.bitLength() < 64 ? F.numberNode(b.longValue()) : F.numberNode(b);
            } catch (NumberFormatException e) {
                return F.textNode(v);
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            String l = v.toLowerCase(Locale.ROOT).replace("_", "");
            if (l.endsWith(".inf")) {
                return F.numberNode(l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            }
            if (l.equals(".nan")) {
                return F.numberNode(Double.NaN);
            }
            try {
                return F.numberNode(Double.parseDouble(l));
            } catch (NumberFormatException e) {
                return F.textNode(v);
            }
        }
        return F.textNode(v);
    }

    /** How a YAML value reads in a message: {@code the string 'abc'}, {@code a list}, {@code 3}. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) node;
        if (Tag.NULL.equals(s.getTag())) {
            return "empty";
        }
        if (Tag.STR.equals(s.getTag())) {
            return "the string '" + s.getValue() + "'";
        }
        return s.getValue();
    }
}
