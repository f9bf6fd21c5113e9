package io.corrigo.reports.data;

/**
 * An installed plugin.
 *
 * @param id           plugin id
 * @param kind         environment, feedback or learner
 * @param bundle       bundle symbolic name
 * @param version      bundle version
 * @param state        bundle state
 * @param description  one line
 * @param defaultsJson the configuration defaults as a JSON object (field → default)
 */
public record PluginRow(String id, String kind, String bundle, String version, String state, String description,
                        String defaultsJson) {
}
