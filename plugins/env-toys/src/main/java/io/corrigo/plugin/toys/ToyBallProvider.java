package io.corrigo.plugin.toys;

import io.corrigo.api.PluginId;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.run.RunContext;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/** Provides CLIC's ball desired-action toy (Li et al., arXiv:2502.07645; clic.md §8.2). */
@Component(service = EnvironmentProvider.class)
@PluginId("toy-ball")
public final class ToyBallProvider implements EnvironmentProvider<DesiredActionConfig> {

    @Override
    public Class<DesiredActionConfig> configType() {
        return DesiredActionConfig.class;
    }

    @Override
    public DesiredActionConfig defaultConfig() {
        return DesiredActionConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "CLIC ball toy (Li et al. 2025, arXiv:2502.07645): desired actions are the disc of radius 0.4"
                + " at the origin; the teacher gives noisy absolute labels from N(0, 0.15²)";
    }

    @Override
    public Environment create(DesiredActionConfig config, RunContext context) {
        return new DesiredActionEnvironment(Objects.requireNonNull(config, "config"),
                new DesiredActionSet.Ball(0.4, 0.15));
    }
}
