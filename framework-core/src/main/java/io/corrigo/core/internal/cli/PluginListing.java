package io.corrigo.core.internal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corrigo.api.PluginId;
import io.corrigo.api.PluginProvider;
import io.corrigo.core.internal.osgi.BundleStatus;
import io.corrigo.core.internal.osgi.FelixHost;
import io.corrigo.core.internal.osgi.OsgiPluginRegistry;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.osgi.framework.Bundle;

/** What is installed: one row per plugin, then every bundle that is not active, with the reason. */
final class PluginListing {

    /** One plugin; {@code warning} when another bundle registers the same kind and id. */
    record Row(String id, String kind, String bundle, String version, String state, String description,
               String configType, Object defaults, Optional<String> problem, Optional<String> warning) {
    }

    /** Says which of several providers of one id is used, and by which rule. */
    static Optional<String> warning(OsgiPluginRegistry.Registration r) {
        if (r.rivals().isEmpty()) {
            return Optional.empty();
        }
        String others = String.join(", ", r.rivals());
        return Optional.of(r.chosen()
                ? "'" + r.id() + "' is also provided by " + others + "; this one is used (" + RULE + ")"
                : "not used: '" + r.id() + "' is also provided by " + others + ", which wins (" + RULE + ")");
    }

    private static final String RULE = "built-in before drop-in, then the higher bundle version";

    private final ObjectMapper mapper;

    @Inject
    PluginListing(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<Row> rows(OsgiPluginRegistry registry) {
        List<Row> rows = new ArrayList<>();
        for (OsgiPluginRegistry.Registration r : registry.registrations()) {
            Bundle b = r.reference().getBundle();
            String kind = r.kind().noun();
            String bundle = b == null ? "?" : b.getSymbolicName();
            String version = b == null ? "?" : b.getVersion().toString();
            String state = b == null ? "UNREGISTERED" : bundleState(b);
            if (!r.id().matches(PluginId.PATTERN)) {
                rows.add(new Row(r.id(), kind, bundle, version, state, "", "", null,
                        Optional.of("invalid or missing " + PluginId.PROPERTY + " (must match " + PluginId.PATTERN + ")"),
                        Optional.empty()));
                continue;
            }
            try {
                PluginProvider<?> p = registry.provider(r).orElseThrow(() -> new IllegalStateException("service is gone"));
                rows.add(new Row(r.id(), kind, bundle, version, state, p.description(), p.configType().getName(),
                        mapper.valueToTree(p.defaultConfig()), Optional.empty(), warning(r)));
            } catch (RuntimeException | LinkageError e) {
                rows.add(new Row(r.id(), kind, bundle, version, state, "", "", null,
                        Optional.of("the provider failed: " + e), warning(r)));
            }
        }
        return rows;
    }

    String text(FelixHost host) {
        List<Row> rows = rows(host.registry());
        StringBuilder b = new StringBuilder("Plugins (" + rows.size() + "):\n");
        int[] w = {2, 4, 6, 7, 5};
        for (Row r : rows) {
            w[0] = Math.max(w[0], r.id().length());
            w[1] = Math.max(w[1], r.kind().length());
            w[2] = Math.max(w[2], r.bundle().length());
            w[3] = Math.max(w[3], r.version().length());
            w[4] = Math.max(w[4], r.state().length());
        }
        String fmt = "  %-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %-" + w[3] + "s  %-" + w[4] + "s  %s%n";
        b.append(String.format(Locale.ROOT, fmt, "id", "kind", "bundle", "version", "state", "description"));
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, fmt, r.id(), r.kind(), r.bundle(), r.version(), r.state(),
                    r.problem().map(p -> "PROBLEM: " + p).orElse(r.description())));
        }
        List<Row> warned = rows.stream().filter(r -> r.warning().isPresent()).toList();
        if (!warned.isEmpty()) {
            b.append("\nWarnings (").append(warned.size()).append("):\n");
            warned.forEach(r -> b.append("  ").append(r.kind()).append(' ').append(r.id()).append(" from ").append(r.bundle())
                    .append(' ').append(r.version()).append(": ").append(r.warning().orElseThrow()).append('\n'));
        }
        List<BundleStatus> troubled = host.bundles().stream().filter(s -> s.problem().isPresent() || !s.state().equals("ACTIVE")).toList();
        if (!troubled.isEmpty()) {
            b.append("\nBundles that are not active (").append(troubled.size()).append("):\n");
            for (BundleStatus s : troubled) {
                b.append("  ").append(s.file()).append(" (").append(s.origin()).append(", ").append(s.symbolicName())
                        .append(" ").append(s.version()).append("): ").append(s.state())
                        .append(s.problem().map(p -> "\n    " + p.replace("\n", "\n    ")).orElse("")).append('\n');
            }
        }
        return b.toString();
    }

    String json(FelixHost host) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode plugins = root.putArray("plugins");
        for (Row r : rows(host.registry())) {
            ObjectNode o = plugins.addObject();
            o.put("id", r.id());
            o.put("kind", r.kind());
            o.put("bundle", r.bundle());
            o.put("version", r.version());
            o.put("state", r.state());
            o.put("description", r.description());
            o.put("configType", r.configType());
            o.set("defaults", mapper.valueToTree(r.defaults()));
            o.put("problem", r.problem().orElse(null));
            o.put("warning", r.warning().orElse(null));
        }
        ArrayNode bundles = root.putArray("bundles");
        for (BundleStatus s : host.bundles()) {
            ObjectNode o = bundles.addObject();
            o.put("symbolicName", s.symbolicName());
            o.put("version", s.version());
            o.put("state", s.state());
            o.put("origin", s.origin());
            o.put("file", s.file());
            o.put("problem", s.problem().orElse(null));
        }
        return root.toPrettyString();
    }

    private static String bundleState(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            default -> "INSTALLED";
        };
    }
}
