package io.corrigo.plugin.toys;

import io.corrigo.api.PluginId;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.run.RunContext;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/** Provides CLIC's two-ball line-following task (Li et al., arXiv:2502.07645; clic.md §8.3). */
@Component(service = EnvironmentProvider.class)
@PluginId("line-following-2")
public final class TwoLineFollowingProvider implements EnvironmentProvider<TwoLineFollowingConfig> {

    @Override
    public Class<TwoLineFollowingConfig> configType() {
        return TwoLineFollowingConfig.class;
    }

    @Override
    public TwoLineFollowingConfig defaultConfig() {
        return TwoLineFollowingConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "CLIC two-ball line following (Li et al. 2025, arXiv:2502.07645): two balls run along parallel"
                + " lines; 4-D action in two groups for partial feedback; look-ahead teacher per ball";
    }

    @Override
    public Environment create(TwoLineFollowingConfig config, RunContext context) {
        return new TwoLineFollowingEnvironment(Objects.requireNonNull(config, "config"));
    }
}
