package io.corrigo.plugin.toys;

import io.corrigo.api.PluginId;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.run.RunContext;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/** Provides the two-route obstacle task (Corrigo's own bimodal point-mass task, baselines.md §6). */
@Component(service = EnvironmentProvider.class)
@PluginId("two-route")
public final class TwoRouteProvider implements EnvironmentProvider<TwoRouteConfig> {

    @Override
    public Class<TwoRouteConfig> configType() {
        return TwoRouteConfig.class;
    }

    @Override
    public TwoRouteConfig defaultConfig() {
        return TwoRouteConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "Two-route obstacle: a point mass passes a disc on the left or the right to reach a goal"
                + " (bimodal; analytic waypoint expert)";
    }

    @Override
    public Environment create(TwoRouteConfig config, RunContext context) {
        return new TwoRouteEnvironment(Objects.requireNonNull(config, "config"));
    }
}
