package io.corrigo.plugin.toys;

import io.corrigo.api.PluginId;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.run.RunContext;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/** Provides the particle task of Implicit Behavioral Cloning (Florence et al., CoRL 2021). */
@Component(service = EnvironmentProvider.class)
@PluginId("particle")
public final class ParticleProvider implements EnvironmentProvider<ParticleConfig> {

    @Override
    public Class<ParticleConfig> configType() {
        return ParticleConfig.class;
    }

    @Override
    public ParticleConfig defaultConfig() {
        return ParticleConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "Particle (IBC, Florence et al. 2021, arXiv:2109.00137): a PD-controlled point visits goal 1,"
                + " then stays at goal 2; optional random goal order";
    }

    @Override
    public Environment create(ParticleConfig config, RunContext context) {
        return new ParticleEnvironment(Objects.requireNonNull(config, "config"));
    }
}
