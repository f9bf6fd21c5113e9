package io.corrigo.core.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corrigo.api.PluginProvider;
import java.util.Iterator;
import java.util.Map;

/**
 * Carries a study's settings for a plugin over to the provider that serves a trial. They were bound
 * when the study was loaded, to the configuration record of the bundle installed then; when that
 * drop-in was replaced since, the new bundle's record is another class (same name, other class
 * loader). The values are copied by component name onto the new record's defaults: components the
 * new version added keep their defaults, ones it dropped are left out, and the new record's
 * constructor checks the result.
 */
final class ConfigRebinder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigRebinder() {
    }

    /** {@code config} as an instance of {@code provider}'s configuration type. */
    static Record forProvider(PluginProvider<?> provider, Record config) {
        Class<? extends Record> type = provider.configType();
        if (type.isInstance(config)) {
            return config;
        }
        ObjectNode merged = JSON.valueToTree(provider.defaultConfig());
        overlay(merged, JSON.valueToTree(config));
        try {
            return JSON.treeToValue(merged, type);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("the bundle providing it was replaced since the study was loaded, and its new "
                    + "settings record " + type.getName() + " does not take the study's values " + JSON.valueToTree(config)
                    + ": " + cause.getMessage(), e);
        }
    }

    /** Writes {@code values} into {@code target} where {@code target} has the key, recursing into objects. */
    private static void overlay(ObjectNode target, JsonNode values) {
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode current = target.get(e.getKey());
            if (current == null) {
                continue;
            }
            if (current.isObject() && e.getValue().isObject()) {
                overlay((ObjectNode) current, e.getValue());
            } else {
                target.set(e.getKey(), e.getValue());
            }
        }
    }
}
