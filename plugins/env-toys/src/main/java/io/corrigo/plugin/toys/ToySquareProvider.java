package io.corrigo.plugin.toys;

import io.corrigo.api.PluginId;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.run.RunContext;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/** Provides CLIC's square desired-action toy (Li et al., arXiv:2502.07645; clic.md §8.2). */
@Component(service = EnvironmentProvider.class)
@PluginId("toy-square")
public final class ToySquareProvider implements EnvironmentProvider<DesiredActionConfig> {

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
        return "CLIC square toy (Li et al. 2025, arXiv:2502.07645): desired actions are the square of side 0.8"
                + " at the origin; the teacher mirrors the proposal across its edge";
    }

    @Override
    public Environment create(DesiredActionConfig config, RunContext context) {
        return new DesiredActionEnvironment(Objects.requireNonNull(config, "config"),
                new DesiredActionSet.Square(0.4));
    }
}
