package io.corrigo.core.internal.plugin;

import io.corrigo.api.PluginProvider;
import java.util.Optional;
import java.util.SortedSet;

/** The installed plugins, looked up by kind and id. Implementations are thread-safe and live. */
public interface PluginCatalog {

    /** The provider of {@code kind} with {@code id}, if installed now. */
    Optional<PluginProvider<?>> find(PluginKind kind, String id);

    /** The ids of every installed plugin of {@code kind}, sorted. */
    SortedSet<String> ids(PluginKind kind);

    /** The bundle providing a plugin, as {@code symbolic-name version}, for manifests. */
    default Optional<String> bundleOf(PluginKind kind, String id) {
        return Optional.empty();
    }
}
