package io.corrigo.plugin.pusht;

import io.corrigo.api.PluginId;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.run.RunContext;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/** Provides Push-T (Diffusion Policy, Chi et al. 2023) on dyn4j with a scripted pusher as teacher. */
@Component(service = EnvironmentProvider.class)
@PluginId("push-t")
public final class PushTProvider implements EnvironmentProvider<PushTConfig> {

    @Override
    public Class<PushTConfig> configType() {
        return PushTConfig.class;
    }

    @Override
    public PushTConfig defaultConfig() {
        return PushTConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "Push-T (Diffusion Policy, Chi et al. 2023, arXiv:2303.04137; CLIC variant): push a T onto"
                + " its goal pose, quasi-static dyn4j physics, scripted pusher as teacher";
    }

    @Override
    public Environment create(PushTConfig config, RunContext context) {
        return new PushTEnvironment(Objects.requireNonNull(config, "config"));
    }
}
