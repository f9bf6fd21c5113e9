package io.corrigo.core.internal.spec;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A study file as a YAML node tree that remembers where every key and value came from: the file's
 * line and column, or the {@code --set} override that replaced it.
 */
final class YamlDocument {

    /** The largest study file read: settings fit in far less; a larger file is rejected before parsing. */
    static final int MAX_BYTES = 1_000_000;

    private final String source;
    private final MappingNode root;
    private final Map<Node, Location> overridden = new IdentityHashMap<>();

    private YamlDocument(String source, MappingNode root) {
        this.source = source;
        this.root = root;
    }

    /** Parses {@code text}; {@code source} names it in locations. Syntax errors become problems. */
    static YamlDocument parse(String source, String text) {
        Node node;
        try {
            node = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Location where = m == null ? Location.in(source, 1, 1) : Location.in(source, m.getLine() + 1, m.getColumn() + 1);
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new StudySpecException(source, List.of(Problem.of(Problem.YAML_SYNTAX, "",
                    "the file is not valid YAML: " + what, where)));
        } catch (YAMLException e) {
            throw new StudySpecException(source, List.of(Problem.of(Problem.YAML_SYNTAX, "",
                    "the file is not valid YAML: " + e.getMessage(), Location.in(source, 1, 1))));
        }
        if (node != null) {
            Node tagged = firstUnknownTag(node);
            if (tagged != null) {
                throw new StudySpecException(source, List.of(Problem.of(Problem.YAML_SYNTAX, "",
                        "unknown tag '" + tagged.getTag().getValue() + "'",
                        "Study files use plain YAML values; remove the tag.", locationOf(source, tagged))));
            }
        }
        if (!(node instanceof MappingNode mapping)) {
            Location where = node == null ? Location.in(source, 1, 1) : locationOf(source, node);
            throw new StudySpecException(source, List.of(Problem.of(Problem.WRONG_TYPE, "",
                    "a study file must be a mapping of keys (name, seeds, budget, environments, feedback, learners)",
                    where)));
        }
        return new YamlDocument(source, mapping);
    }

    /** Reads and parses {@code file}; {@code source} is how the user named it. */
    static YamlDocument read(Path file, String source) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new StudySpecException(source, List.of(Problem.of(Problem.UNREADABLE, "",
                        String.format(Locale.ROOT, "the file is %.1f MB; a study file may have at most %d kB",
                                size / 1e6, MAX_BYTES / 1000),
                        "A study lists settings, not data; is this the right file?", Location.in(source, 0, 0))));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StudySpecException(source, List.of(Problem.of(Problem.UNREADABLE, "",
                    "cannot read the study file: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "Check the path; it is resolved against the current directory.", Location.in(source, 0, 0))));
        }
        return parse(source, decode(source, bytes));
    }

    /** {@code bytes} as UTF-8; an undecodable byte is reported with its line and column. */
    static String decode(String source, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw new StudySpecException(source, List.of(Problem.of(Problem.UNREADABLE, "", String.format(Locale.ROOT,
                    "the file is not UTF-8 text: byte 0x%02X at byte offset %d cannot be decoded", bytes[at] & 0xff, at),
                    "Save the file as UTF-8 (plain text).", Location.in(source, line, column))));
        }
        out.flip();
        return out.toString();
    }

    MappingNode root() {
        return root;
    }

    String source() {
        return source;
    }

    /** Where {@code node} came from. */
    Location locate(Node node) {
        Location o = overridden.get(node);
        return o != null ? o : locationOf(source, node);
    }

    /** Marks a subtree as coming from an override. */
    void markOverride(Node node, Location location) {
        overridden.put(node, location);
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                markOverride(t.getKeyNode(), location);
                markOverride(t.getValueNode(), location);
            }
        } else if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode s) {
            s.getValue().forEach(n -> markOverride(n, location));
        }
    }

    /** Parses an override's value as a YAML flow value: {@code 3}, {@code true}, {@code [1, 2]}, {@code {a: 1}}. */
    static Node parseValue(String text) {
        Node n = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        Node tagged = n == null ? null : firstUnknownTag(n);
        if (tagged != null) {
            throw new IllegalArgumentException("unknown tag '" + tagged.getTag().getValue() + "'; use a plain YAML value");
        }
        return n != null ? n : new ScalarNode(Tag.NULL, "", null, null, org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN);
    }

    /** The value node under {@code key} in {@code mapping}, with its key node; empty if absent. */
    static List<NodeTuple> tuples(MappingNode mapping, String key) {
        List<NodeTuple> found = new ArrayList<>();
        for (NodeTuple t : mapping.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                found.add(t);
            }
        }
        return found;
    }

    /** The first node, depth first, whose tag is not one of YAML's own ({@code tag:yaml.org,2002:…}). */
    private static Node firstUnknownTag(Node node) {
        if (!node.getTag().getValue().startsWith(Tag.PREFIX)) {
            return node;
        }
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                for (Node n : List.of(t.getKeyNode(), t.getValueNode())) {
                    Node found = firstUnknownTag(n);
                    if (found != null) {
                        return found;
                    }
                }
            }
        } else if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode seq) {
            for (Node n : seq.getValue()) {
                Node found = firstUnknownTag(n);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Location locationOf(String source, Node node) {
        Mark m = node.getStartMark();
        return m == null ? Location.in(source, 0, 0) : Location.in(source, m.getLine() + 1, m.getColumn() + 1);
    }
}
