package io.corrigo.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What every provider service declares about itself. Providers are stateless and thread-safe: the
 * host may call them from any thread, and they create a fresh instance per trial.
 *
 * <p>The YAML block under a plugin entry is bound onto {@link #defaultConfig()}: keys equal record
 * component names, unknown keys are rejected, missing keys keep their default. The record's compact
 * constructor validates, throwing {@link ConfigException} (see {@link Checks}).
 *
 * @param <C> the configuration record type
 * @since 1.0
 */
@ConsumerType
public interface PluginProvider<C extends Record> {

    /** The configuration record type the YAML block is bound to. */
    Class<C> configType();

    /** The configuration used when a study gives no block; every field has its documented default. */
    C defaultConfig();

    /** One line for listings: what the plugin is, with a paper reference where there is one. */
    String description();
}
