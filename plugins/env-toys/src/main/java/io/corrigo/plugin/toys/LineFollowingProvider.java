package io.corrigo.plugin.toys;

import io.corrigo.api.PluginId;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.run.RunContext;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/** Provides CLIC's line-following task (Li et al., arXiv:2502.07645; clic.md §8.3). */
@Component(service = EnvironmentProvider.class)
@PluginId("line-following")
public final class LineFollowingProvider implements EnvironmentProvider<LineFollowingConfig> {

    @Override
    public Class<LineFollowingConfig> configType() {
        return LineFollowingConfig.class;
    }

    @Override
    public LineFollowingConfig defaultConfig() {
        return LineFollowingConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "CLIC line following (Li et al. 2025, arXiv:2502.07645): a ball runs along a line to its end"
                + " without straying 30 px from it; look-ahead teacher at 0.5 px per step";
    }

    @Override
    public Environment create(LineFollowingConfig config, RunContext context) {
        return new LineFollowingEnvironment(Objects.requireNonNull(config, "config"));
    }
}
