package io.corrigo.core.internal.spec;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.corrigo.api.ConfigException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Binds a YAML mapping onto a configuration record, starting from its defaults: keys are record
 * component names, nested records bind recursively, and every problem — unknown key, wrong type,
 * a value the record's constructor rejects — is collected with its path and location.
 */
final class RecordBinder {

    private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]");

    private final ObjectMapper mapper;
    private final YamlDocument document;

    RecordBinder(ObjectMapper mapper, YamlDocument document) {
        this.mapper = mapper;
        this.document = document;
    }

    /**
     * Binds {@code mapping} (minus {@code reserved} keys, which the caller handles) onto
     * {@code defaults}. Returns empty if any problem was found in this subtree.
     */
    <R extends Record> Optional<R> bind(MappingNode mapping, R defaults, String path, Set<String> reserved,
                                        List<Problem> problems) {
        @SuppressWarnings("unchecked")
        Class<R> type = (Class<R>) defaults.getClass();
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        Arrays.stream(components).forEach(c -> byName.put(c.getName(), c));
        int before = problems.size();
        Map<String, NodeTuple> given = keys(mapping, path, byName, reserved, problems);
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            Object fallback = read(c, defaults);
            NodeTuple t = given.get(c.getName());
            if (t == null) {
                args[i] = fallback;
                continue;
            }
            args[i] = convert(c, fallback, t.getValueNode(), join(path, c.getName()), problems);
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return construct(type, components, args, mapping, path, problems);
    }

    private Map<String, NodeTuple> keys(MappingNode mapping, String path, Map<String, RecordComponent> byName,
                                        Set<String> reserved, List<Problem> problems) {
        Map<String, NodeTuple> given = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problems.add(Problem.of(Problem.WRONG_TYPE, path, "keys must be plain names", document.locate(t.getKeyNode())));
                continue;
            }
            String key = k.getValue();
            if (reserved.contains(key)) {
                continue;
            }
            if (!byName.containsKey(key)) {
                problems.add(unknownKey(path, key, byName.keySet(), document.locate(k)));
            } else if (given.putIfAbsent(key, t) != null) {
                problems.add(Problem.of(Problem.DUPLICATE, join(path, key), "the key is given twice",
                        "Keep one of the two.", document.locate(k)));
            }
        }
        return given;
    }

    static Problem unknownKey(String path, String key, Set<String> known, Location location) {
        String expected = known.isEmpty() ? "This entry takes no settings."
                : "Known keys: " + String.join(", ", known.stream().sorted().toList()) + ".";
        String hint = Suggestions.closest(key, known).map(s -> "Did you mean '" + s + "'? ").orElse("") + expected;
        return Problem.of(Problem.UNKNOWN_KEY, join(path, key), "unknown key '" + key + "'", hint, location);
    }

    private Object convert(RecordComponent c, Object fallback, Node value, String path, List<Problem> problems) {
        Class<?> raw = c.getType();
        if (raw.isRecord()) {
            if (!(value instanceof MappingNode m)) {
                problems.add(wrongType(path, "a mapping of " + fieldsOf(raw), value));
                return null;
            }
            return bind(m, (Record) fallback, path, Set.of(), problems).orElse(null);
        }
        if (value instanceof ScalarNode s && Tag.NULL.equals(s.getTag())) {
            problems.add(Problem.of(Problem.MISSING_VALUE, path, "has no value",
                    "Give " + describeType(c.getGenericType()) + ", or remove the key to keep the default "
                            + mapper.valueToTree(fallback) + ".", document.locate(value)));
            return null;
        }
        if (raw.isEnum()) {
            return enumValue(raw, value, path, problems);
        }
        Optional<String> range = outOfRange(raw, value);
        if (range.isPresent()) {
            problems.add(Problem.of(Problem.INVALID_VALUE, path, "is out of range: " + describeType(raw) + " from "
                    + range.get() + " but was " + ((ScalarNode) value).getValue(), document.locate(value)));
            return null;
        }
        try {
            JavaType type = mapper.getTypeFactory().constructType(c.getGenericType());
            return mapper.treeToValue(ScalarValues.toJson(value), type);
        } catch (Exception e) {
            problems.add(wrongType(path, describeType(c.getGenericType()), value));
            return null;
        }
    }

    /** The allowed range ("MIN to MAX") when {@code value} is a YAML integer too large for {@code raw}. */
    static Optional<String> outOfRange(Class<?> raw, Node value) {
        boolean isInt = raw == int.class || raw == Integer.class;
        boolean isLong = raw == long.class || raw == Long.class;
        if (!(isInt || isLong) || !(value instanceof ScalarNode s) || !Tag.INT.equals(s.getTag())) {
            return Optional.empty();
        }
        BigInteger v;
        try {
            v = new BigInteger(s.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        long min = isInt ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long max = isInt ? Integer.MAX_VALUE : Long.MAX_VALUE;
        return v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0
                ? Optional.of(min + " to " + max) : Optional.empty();
    }

    private Object enumValue(Class<?> type, Node value, String path, List<Problem> problems) {
        List<String> names = Arrays.stream(type.getEnumConstants())
                .map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
        if (value instanceof ScalarNode s) {
            String given = s.getValue().toLowerCase(Locale.ROOT).replace('_', '-');
            int i = names.indexOf(given);
            if (i >= 0) {
                return type.getEnumConstants()[i];
            }
            String hint = Suggestions.closest(given, names).map(n -> "Did you mean '" + n + "'? ").orElse("")
                    + "Allowed: " + String.join(", ", names) + ".";
            problems.add(Problem.of(Problem.INVALID_VALUE, path, "'" + s.getValue() + "' is not allowed", hint,
                    document.locate(value)));
        } else {
            problems.add(wrongType(path, "one of " + String.join(", ", names), value));
        }
        return null;
    }

    private <R extends Record> Optional<R> construct(Class<R> type, RecordComponent[] components, Object[] args,
                                                     MappingNode mapping, String path,
                                                     List<Problem> problems) {
        try {
            Constructor<R> ctor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            ctor.setAccessible(true);
            return Optional.of(ctor.newInstance(args));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException ce) {
                for (ConfigException.Violation v : ce.violations()) {
                    Node at = locateField(mapping, v.field());
                    Location where = at != null ? document.locate(at) : document.locate(mapping);
                    String suffix = at != null ? "" : " (the default; set '" + v.field() + "' explicitly)";
                    problems.add(Problem.of(Problem.INVALID_VALUE, join(path, v.field()), v.message() + suffix, where));
                }
            } else {
                problems.add(Problem.of(Problem.INVALID_VALUE, path,
                        "the settings were rejected: " + (cause == null ? e : cause).getMessage(), document.locate(mapping)));
            }
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot construct config record " + type.getName() + ": " + e, e);
        }
    }

    /**
     * The value node of a field given in YAML, or null: dotted ({@code noise.gaussianScale}) and
     * indexed ({@code hiddenSizes[0]}) paths both lead to the node the user wrote.
     */
    static Node locateField(MappingNode mapping, String field) {
        Node current = mapping;
        for (String part : field.split("\\.")) {
            Matcher indexed = INDEXED.matcher(part);
            String key = indexed.matches() ? indexed.group(1) : part;
            if (!(current instanceof MappingNode m)) {
                return null;
            }
            List<NodeTuple> t = YamlDocument.tuples(m, key);
            if (t.isEmpty()) {
                return null;
            }
            current = t.get(0).getValueNode();
            if (indexed.matches()) {
                int i = Integer.parseInt(indexed.group(2));
                if (!(current instanceof SequenceNode seq) || i >= seq.getValue().size()) {
                    return null;
                }
                current = seq.getValue().get(i);
            }
        }
        return current;
    }

    private Problem wrongType(String path, String expected, Node value) {
        return Problem.of(Problem.WRONG_TYPE, path, "expected " + expected + " but was " + ScalarValues.describe(value),
                document.locate(value));
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            Object v = c.getAccessor().invoke(r);
            if (v == null) {
                throw new IllegalStateException("default config of " + r.getClass().getName() + " has no value for " + c.getName());
            }
            return v;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getName(), e);
        }
    }

    static String describeType(Type t) {
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw && List.class.isAssignableFrom(raw)) {
            return "a list of " + plural(describeType(p.getActualTypeArguments()[0]));
        }
        if (t instanceof Class<?> c) {
            if (c == double.class || c == float.class || c == Double.class || c == Float.class) {
                return "a number";
            }
            if (c == int.class || c == long.class || c == Integer.class || c == Long.class || c == short.class) {
                return "an integer";
            }
            if (c == boolean.class || c == Boolean.class) {
                return "true or false";
            }
            if (c == String.class) {
                return "a string";
            }
            if (c.isRecord()) {
                return "a mapping of " + fieldsOf(c);
            }
        }
        return "a value of type " + t.getTypeName();
    }

    private static String plural(String s) {
        return s.replaceFirst("^an? ", "") + "s";
    }

    private static String fieldsOf(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.joining(", "));
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Lists a record's component names, for messages. */
    static List<String> componentNames(Class<? extends Record> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }
}
