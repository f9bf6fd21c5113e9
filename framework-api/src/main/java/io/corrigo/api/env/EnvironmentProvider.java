package io.corrigo.api.env;

import io.corrigo.api.PluginProvider;
import io.corrigo.api.run.RunContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A stateless service that creates environments. Register it as a DS component with
 * {@link io.corrigo.api.PluginId}.
 *
 * @param <C> the configuration record type
 * @since 1.0
 */
@ConsumerType
public interface EnvironmentProvider<C extends Record> extends PluginProvider<C> {

    /**
     * A new environment for one trial. The caller owns it and closes it. Randomness beyond the
     * explicit reset seeds must come from {@code context}.
     */
    Environment create(C config, RunContext context);
}
