package io.corrigo.plugin.classic;

import io.corrigo.api.PluginId;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.run.RunContext;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/** Provides the pendulum swing-up task (Gym {@code Pendulum-v1}, baselines.md §6). */
@Component(service = EnvironmentProvider.class)
@PluginId("pendulum")
public final class PendulumProvider implements EnvironmentProvider<PendulumConfig> {

    @Override
    public Class<PendulumConfig> configType() {
        return PendulumConfig.class;
    }

    @Override
    public PendulumConfig defaultConfig() {
        return PendulumConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "Pendulum swing-up (Gym Pendulum-v1 dynamics; energy-pumping expert after Åström & Furuta,"
                + " Automatica 2000, with a linear catch at the top)";
    }

    @Override
    public Environment create(PendulumConfig config, RunContext context) {
        return new PendulumEnvironment(Objects.requireNonNull(config, "config"));
    }
}
