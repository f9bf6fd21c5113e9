package io.corrigo.plugin.toys;

import io.corrigo.api.PluginId;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.run.RunContext;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/** Provides CLIC's two-circles desired-action toy (Li et al., arXiv:2502.07645; clic.md §8.2). */
@Component(service = EnvironmentProvider.class)
@PluginId("toy-two-circles")
public final class ToyTwoCirclesProvider implements EnvironmentProvider<TwoCirclesConfig> {

    @Override
    public Class<TwoCirclesConfig> configType() {
        return TwoCirclesConfig.class;
    }

    @Override
    public TwoCirclesConfig defaultConfig() {
        return TwoCirclesConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "CLIC two-circles toy (Li et al. 2025, arXiv:2502.07645): desired actions are two discs of"
                + " radius 0.2 at ±(0.35, 0.35) (multimodal); the teacher mirrors the proposal into the nearer one (teacherDisc: random, into either)";
    }

    @Override
    public Environment create(TwoCirclesConfig config, RunContext context) {
        Objects.requireNonNull(config, "config");
        return new DesiredActionEnvironment(config.episode(), new DesiredActionSet.TwoCircles(0.35, 0.2,
                config.teacherDisc() == TwoCirclesConfig.TeacherDisc.RANDOM));
    }
}
