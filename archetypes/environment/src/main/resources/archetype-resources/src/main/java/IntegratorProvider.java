package ${package};

import io.corrigo.api.PluginId;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.run.RunContext;
import org.osgi.service.component.annotations.Component;

/**
 * Provides the {@code ${pluginId}} environment. Stateless: the host creates one environment per
 * trial; the component annotation registers it as an OSGi service when the bundle starts, and the
 * plugin id is the name studies use.
 */
@Component(service = EnvironmentProvider.class)
@PluginId("${pluginId}")
public final class IntegratorProvider implements EnvironmentProvider<IntegratorConfig> {

    @Override
    public Class<IntegratorConfig> configType() {
        return IntegratorConfig.class;
    }

    @Override
    public IntegratorConfig defaultConfig() {
        return IntegratorConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "1-D integrator: drive a point to a goal on a line by velocity commands";
    }

    @Override
    public Environment create(IntegratorConfig config, RunContext context) {
        return new IntegratorEnvironment(config);
    }
}
