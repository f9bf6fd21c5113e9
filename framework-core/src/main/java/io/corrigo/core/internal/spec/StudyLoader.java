package io.corrigo.core.internal.spec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.corrigo.api.PluginProvider;
import io.corrigo.core.internal.plugin.BundlePin;
import io.corrigo.core.internal.plugin.PluginCatalog;
import io.corrigo.core.internal.plugin.PluginKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a study file, applies {@code --set} overrides, and validates the whole study against the
 * installed plugins. Either every part is valid, or a {@link StudySpecException} lists every
 * problem found, each with its config path and location.
 */
public final class StudyLoader {

    static final Set<String> TOP_LEVEL = Set.of("name", "description", "seeds", "device", "budget",
            "demonstrations", "environments", "feedback", "learners", Protocols.KEY);
    private static final Set<String> ENTRY_KEYS = Set.of("id", "label", "bundle", "version");
    private static final Set<String> FEEDBACK_KEYS = Set.of("id", "label", "bundle", "version", TeacherQuery.KEY);
    private static final Set<String> LEARNER_KEYS = Set.of("id", "label", "bundle", "version", PairWith.KEY, "trialTimeLimit");
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){0,2}(\\.[A-Za-z0-9_-]+)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
    private static final Pattern DEVICE = Pattern.compile("auto|cpu|gpu|gpu\\d{1,2}");

    private final PluginCatalog catalog;
    private final Function<String, Optional<String>> deviceProblem;
    private final ObjectMapper mapper;

    /** A loader that accepts any well-formed device. */
    public StudyLoader(PluginCatalog catalog) {
        this(catalog, device -> Optional.empty());
    }

    /**
     * A loader that also asks {@code deviceProblem} whether a well-formed device request can be met
     * here; a non-empty answer (the hint) makes it a located problem.
     */
    public StudyLoader(PluginCatalog catalog, Function<String, Optional<String>> deviceProblem) {
        this.catalog = catalog;
        this.deviceProblem = deviceProblem;
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
    }

    /** Loads {@code file}, named {@code source} in messages (as the user typed it). */
    public StudySpec load(Path file, String source, List<String> overrides) {
        return load(YamlDocument.read(file, source), fileStem(file), overrides);
    }

    /** Loads a study from text, for tests and tools. */
    public StudySpec loadText(String source, String text, List<String> overrides) {
        return load(YamlDocument.parse(source, text), fileStem(Path.of(source)), overrides);
    }

    private StudySpec load(YamlDocument doc, String defaultName, List<String> overrides) {
        List<Problem> problems = new ArrayList<>();
        Overrides.apply(doc, overrides, problems);
        MappingNode root = doc.root();
        Map<String, Node> top = topLevel(doc, root, problems);
        String name = string(doc, top.get("name"), "name", defaultName, problems);
        if (top.containsKey("name") && name != null && !NAME.matcher(name).matches()) {
            problems.add(Problem.of(Problem.INVALID_VALUE, "name", "'" + name + "' is not a usable study name",
                    "Use letters, digits, '.', '_' or '-', starting with a letter or digit (at most 80).",
                    doc.locate(top.get("name"))));
        } else if (!top.containsKey("name") && !NAME.matcher(defaultName).matches()) {
            problems.add(Problem.of(Problem.INVALID_VALUE, "name", "the study has no name, and its file name does not make "
                    + "a usable one ('" + defaultName + "')", "Add a line such as name: my-study (letters, digits, '.', '_' "
                    + "or '-', starting with a letter or digit, at most 80).", doc.locate(root)));
        }
        String description = string(doc, top.get("description"), "description", "", problems);
        List<Long> seeds = SeedList.read(doc, top.get("seeds"), problems);
        String device = string(doc, top.get("device"), "device", "auto", problems);
        if (device != null && !DEVICE.matcher(device).matches()) {
            problems.add(Problem.of(Problem.INVALID_VALUE, "device", "'" + device + "' is not a device",
                    "Use auto (GPU if one is visible, else CPU), cpu, gpu or gpuN (e.g. gpu1).", doc.locate(top.get("device"))));
        } else if (device != null) {
            deviceProblem.apply(device).ifPresent(hint -> problems.add(Problem.of(Problem.DEVICE_UNAVAILABLE, "device",
                    "'" + device + "' is not available on this machine", hint,
                    top.containsKey("device") ? doc.locate(top.get("device")) : doc.locate(root))));
        }
        List<String> protocolSettings = new ArrayList<>();
        String protocol = Protocols.apply(doc, root, top.get(Protocols.KEY), protocolSettings, problems);
        RecordBinder binder = new RecordBinder(mapper, doc);
        Budget budget = budget(doc, binder, top.get("budget"), problems);
        Demonstrations demonstrations = demonstrations(doc, binder, top.get("demonstrations"), problems);
        if (budget.episodes() == 0 && !demonstrations.enabled()) {
            Node at = top.containsKey("budget") ? top.get("budget") : root;
            problems.add(Problem.of(Problem.INVALID_VALUE, "budget.episodes", "0 training episodes leave nothing to learn from",
                    "Use at least 1, or add a demonstration phase (demonstrations: {episodes: 100}) for a purely offline study.",
                    doc.locate(at)));
        }
        Map<PluginKind, List<PluginEntry>> entries = new HashMap<>();
        for (PluginKind kind : PluginKind.values()) {
            Set<String> feedbackLabels = new LinkedHashSet<>();
            entries.getOrDefault(PluginKind.FEEDBACK, List.of()).forEach(f -> feedbackLabels.add(f.label()));
            entries.put(kind, entries(doc, binder, kind, top.get(kind.section()), root, feedbackLabels, problems));
        }
        Pairings.check(catalog, entries.get(PluginKind.LEARNER), entries.get(PluginKind.FEEDBACK), doc, root, problems);
        String displayName = name != null && NAME.matcher(name).matches() ? name
                : NAME.matcher(defaultName).matches() ? defaultName : "study";
        if (!problems.isEmpty()) {
            throw new StudySpecException(displayName, problems);
        }
        return new StudySpec(displayName, description, doc.source(), seeds, device, budget, demonstrations,
                entries.get(PluginKind.ENVIRONMENT), entries.get(PluginKind.FEEDBACK), entries.get(PluginKind.LEARNER),
                overrides, protocol, protocolSettings);
    }

    private static Map<String, Node> topLevel(YamlDocument doc, MappingNode root, List<Problem> problems) {
        Map<String, Node> top = new HashMap<>();
        for (NodeTuple t : root.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
            if (!TOP_LEVEL.contains(key)) {
                problems.add(RecordBinder.unknownKey("", key, TOP_LEVEL, doc.locate(t.getKeyNode())));
            } else if (top.putIfAbsent(key, t.getValueNode()) != null) {
                problems.add(Problem.of(Problem.DUPLICATE, key, "the key is given twice", "Keep one of the two.",
                        doc.locate(t.getKeyNode())));
            }
        }
        return top;
    }

    private Budget budget(YamlDocument doc, RecordBinder binder, Node node, List<Problem> problems) {
        if (node == null) {
            return Budget.DEFAULTS;
        }
        if (!(node instanceof MappingNode m)) {
            problems.add(Problem.of(Problem.WRONG_TYPE, "budget", "expected a mapping of episodes, evalEvery, evalEpisodes but was "
                    + ScalarValues.describe(node), doc.locate(node)));
            return Budget.DEFAULTS;
        }
        return binder.bind(m, Budget.DEFAULTS, "budget", Set.of(), problems).orElse(Budget.DEFAULTS);
    }

    private Demonstrations demonstrations(YamlDocument doc, RecordBinder binder, Node node, List<Problem> problems) {
        if (node == null) {
            return Demonstrations.DEFAULTS;
        }
        if (!(node instanceof MappingNode m)) {
            problems.add(Problem.of(Problem.WRONG_TYPE, "demonstrations", "expected a mapping of episodes, offlineUpdates, "
                    + "record but was " + ScalarValues.describe(node), doc.locate(node)));
            return Demonstrations.DEFAULTS;
        }
        return binder.bind(m, Demonstrations.DEFAULTS, "demonstrations", Set.of(), problems).orElse(Demonstrations.DEFAULTS);
    }

    private List<PluginEntry> entries(YamlDocument doc, RecordBinder binder, PluginKind kind, Node node, MappingNode root,
                                      Set<String> feedbackLabels,
                                      List<Problem> problems) {
        if (node == null) {
            problems.add(Problem.of(Problem.MISSING_VALUE, kind.section(), "the study lists no " + kind.section(),
                    "Add a list, e.g. " + kind.section() + ": [{id: " + example(kind) + "}]. Installed: "
                            + installed(kind) + ".", doc.locate(root)));
            return List.of();
        }
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(Problem.of(Problem.WRONG_TYPE, kind.section(), "expected a non-empty list of entries with an id but was "
                    + ScalarValues.describe(node), doc.locate(node)));
            return List.of();
        }
        List<PluginEntry> result = new ArrayList<>();
        Map<String, Integer> labels = new HashMap<>();
        for (Sweeps.Expanded x : Sweeps.expand(doc, seq, kind.section(), problems)) {
            Node item = x.node();
            String path = kind.section() + "[" + x.source() + "]";
            entry(doc, binder, kind, result.size(), item, path, x.suffix(), feedbackLabels, problems).ifPresent(e -> {
                Integer previous = labels.putIfAbsent(e.label(), x.source());
                if (previous != null) {
                    problems.add(Problem.of(Problem.DUPLICATE, path, "the name '" + e.label() + "' is already used by "
                            + kind.section() + "[" + previous + "]",
                            "Give each entry a distinct label, e.g. label: " + e.label() + "-2.", doc.locate(item)));
                }
                result.add(e);
            });
        }
        return result;
    }

    private Optional<PluginEntry> entry(YamlDocument doc, RecordBinder binder, PluginKind kind, int index, Node item,
                                        String path, String sweepSuffix, Set<String> feedbackLabels, List<Problem> problems) {
        if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
            item = new MappingNode(org.yaml.snakeyaml.nodes.Tag.MAP, new ArrayList<>(List.of(new NodeTuple(
                    new ScalarNode(org.yaml.snakeyaml.nodes.Tag.STR, "id", s.getStartMark(), s.getEndMark(),
                            org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN), s))), org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW);
        }
        if (!(item instanceof MappingNode m)) {
            problems.add(Problem.of(Problem.WRONG_TYPE, path, "expected an entry like {id: " + example(kind)
                    + "} but was " + ScalarValues.describe(item), doc.locate(item)));
            return Optional.empty();
        }
        List<NodeTuple> idTuples = YamlDocument.tuples(m, "id");
        if (idTuples.isEmpty()) {
            problems.add(Problem.of(Problem.MISSING_VALUE, path + ".id", "the entry has no id",
                    "Name the plugin, e.g. id: " + example(kind) + ". Installed: " + installed(kind) + ".", doc.locate(m)));
            return Optional.empty();
        }
        Node idNode = idTuples.get(0).getValueNode();
        String id = string(doc, idNode, path + ".id", null, problems);
        String given = string(doc, YamlDocument.tuples(m, "label").stream().findFirst().map(NodeTuple::getValueNode)
                .orElse(null), path + ".label", id, problems);
        if (id == null || given == null) {
            return Optional.empty();
        }
        String label = given + sweepSuffix;
        if (!NAME.matcher(label).matches()) {
            problems.add(Problem.of(Problem.INVALID_VALUE, path + ".label", "'" + label + "' is not a usable label",
                    "Use letters, digits, '.', '_' or '-'.", doc.locate(m)));
        }
        Optional<BundlePin> pin = pin(doc, m, path, problems);
        if (pin == null) {
            return Optional.empty();
        }
        Optional<PluginProvider<?>> provider = catalog.find(kind, id, pin);
        if (provider.isEmpty() && pin.isPresent() && catalog.find(kind, id).isPresent()) {
            problems.add(Problem.of(Problem.UNKNOWN_PLUGIN, path + ".bundle", "no " + kind.noun() + " '" + id
                    + "' from bundle " + pin.get() + " is installed", catalog.providers(kind, id).isEmpty()
                    ? "./corrigo plugins lists the bundles that are installed."
                    : "Providers of '" + id + "': " + String.join(", ", catalog.providers(kind, id)) + ".",
                    doc.locate(YamlDocument.tuples(m, "bundle").get(0).getValueNode())));
            return Optional.empty();
        }
        if (provider.isEmpty()) {
            problems.add(unknownPlugin(kind, id, path, doc.locate(idNode)));
            return Optional.empty();
        }
        if (pin.isEmpty() && catalog.ambiguous(kind, id)) {
            problems.add(Problem.of(Problem.INCOMPATIBLE, path, "'" + id + "' is provided by bundles the rule cannot choose "
                    + "between (same origin and version): " + String.join(", ", catalog.providers(kind, id)),
                    "Pin one: bundle: <symbolic name> beside id, or remove the extra bundle from dropins/.",
                    doc.locate(idNode)));
            return Optional.empty();
        }
        boolean learner = kind == PluginKind.LEARNER;
        boolean feedback = kind == PluginKind.FEEDBACK;
        Optional<? extends Record> config = binder.bind(m, provider.get().defaultConfig(), path,
                learner ? LEARNER_KEYS : feedback ? FEEDBACK_KEYS : ENTRY_KEYS, problems);
        List<String> pairWith = learner ? PairWith.read(doc, m, path, feedbackLabels, problems) : List.of();
        Optional<Integer> limit = learner ? HostKeys.timeLimit(doc, m, path, problems) : Optional.empty();
        TeacherQuery query = feedback ? HostKeys.teacherQuery(doc, m, path, problems) : TeacherQuery.PROPOSAL;
        return config.map(c -> new PluginEntry(kind, index, id, label, c, pairWith, pin, limit, query));
    }

    /** The entry's {@code bundle:} / {@code version:} pin: empty without one, null after a problem. */
    private static Optional<BundlePin> pin(YamlDocument doc, MappingNode m, String path, List<Problem> problems) {
        List<NodeTuple> b = YamlDocument.tuples(m, "bundle");
        List<NodeTuple> v = YamlDocument.tuples(m, "version");
        String bundle = b.isEmpty() ? null : string(doc, b.get(0).getValueNode(), path + ".bundle", null, problems);
        String version = v.isEmpty() ? null : string(doc, v.get(0).getValueNode(), path + ".version", null, problems);
        if ((!b.isEmpty() && bundle == null) || (!v.isEmpty() && version == null)) {
            return null;
        }
        if (version != null && bundle == null) {
            problems.add(Problem.of(Problem.MISSING_VALUE, path + ".bundle", "a version pins a bundle, but the entry names none",
                    "Add bundle: <symbolic name> (./corrigo plugins lists them), or remove version.",
                    doc.locate(v.get(0).getValueNode())));
            return null;
        }
        if (version != null && !VERSION.matcher(version).matches()) {
            problems.add(Problem.of(Problem.INVALID_VALUE, path + ".version", "'" + version + "' is not a bundle version",
                    "Use the OSGi form major.minor.micro, e.g. 1.1.0.", doc.locate(v.get(0).getValueNode())));
            return null;
        }
        return bundle == null ? Optional.empty() : Optional.of(new BundlePin(bundle, Optional.ofNullable(version)));
    }

    private Problem unknownPlugin(PluginKind kind, String id, String path, Location where) {
        Set<String> ids = catalog.ids(kind);
        String hint = "Installed: " + (ids.isEmpty() ? "none" : String.join(", ", ids)) + "."
                + Suggestions.closest(id, ids).map(s -> "\nDid you mean '" + s + "'?").orElse("");
        return Problem.of(Problem.UNKNOWN_PLUGIN, path, "no " + kind.noun() + " '" + id + "' is installed", hint, where);
    }

    private String installed(PluginKind kind) {
        Set<String> ids = new LinkedHashSet<>(catalog.ids(kind));
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    private String example(PluginKind kind) {
        return catalog.ids(kind).stream().findFirst().orElse("some-" + kind.noun());
    }

    static String string(YamlDocument doc, Node node, String path, String fallback, List<Problem> problems) {
        if (node == null) {
            return fallback;
        }
        if (node instanceof ScalarNode s && !org.yaml.snakeyaml.nodes.Tag.NULL.equals(s.getTag()) && !s.getValue().isBlank()) {
            return s.getValue();
        }
        problems.add(Problem.of(Problem.WRONG_TYPE, path, "expected a string but was " + ScalarValues.describe(node),
                doc.locate(node)));
        return null;
    }

    private static String fileStem(Path file) {
        String n = file.getFileName() == null ? "study" : file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
