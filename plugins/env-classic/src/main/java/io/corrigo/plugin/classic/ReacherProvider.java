package io.corrigo.plugin.classic;

import io.corrigo.api.PluginId;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.run.RunContext;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/** Provides the kinematic two-link reacher (baselines.md §6). */
@Component(service = EnvironmentProvider.class)
@PluginId("reacher")
public final class ReacherProvider implements EnvironmentProvider<ReacherConfig> {

    @Override
    public Class<ReacherConfig> configType() {
        return ReacherConfig.class;
    }

    @Override
    public ReacherConfig defaultConfig() {
        return ReacherConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "Kinematic two-link reacher (the arm of Gym Reacher with joint-velocity control; closed-form"
                + " inverse-kinematics expert, elbow up or down: bimodal)";
    }

    @Override
    public Environment create(ReacherConfig config, RunContext context) {
        return new ReacherEnvironment(Objects.requireNonNull(config, "config"));
    }
}
