package io.corrigo.core.internal.plugin;

import io.corrigo.api.PluginProvider;
import java.util.List;
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

    /** The provider of {@code kind} and {@code id} from the pinned bundle, or the default choice without a pin. */
    default Optional<PluginProvider<?>> find(PluginKind kind, String id, Optional<BundlePin> pin) {
        return pin.isEmpty() ? find(kind, id) : Optional.empty();
    }

    /** The bundle of the provider {@link #find(PluginKind, String, Optional)} returns. */
    default Optional<String> bundleOf(PluginKind kind, String id, Optional<BundlePin> pin) {
        return pin.isEmpty() ? bundleOf(kind, id) : Optional.empty();
    }

    /**
     * Whether the rule cannot choose among the providers of {@code kind} and {@code id}: two or more
     * tie on origin (built-in or drop-in) and bundle version, so a study must pin one.
     */
    default boolean ambiguous(PluginKind kind, String id) {
        return false;
    }

    /**
     * The bundle a provider object came from, as {@code symbolic-name version}: what a trial records
     * about the plugin it ran, exact even when a drop-in was replaced since the lookup.
     */
    default Optional<String> bundleOfProvider(Object provider) {
        return Optional.empty();
    }

    /**
     * Makes sure a trial using {@code provider} can load every class of its bundle until it ends,
     * even if the bundle's jar is replaced meanwhile (a hot swap). Nothing by default.
     */
    default void keepClassesLoaded(Object provider) {
    }

    /** Every bundle that provides {@code kind} and {@code id}, as {@code symbolic-name version}, for messages. */
    default List<String> providers(PluginKind kind, String id) {
        return bundleOf(kind, id).map(List::of).orElse(List.of());
    }
}
