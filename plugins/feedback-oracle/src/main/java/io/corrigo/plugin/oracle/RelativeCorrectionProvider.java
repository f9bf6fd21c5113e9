package io.corrigo.plugin.oracle;

import io.corrigo.api.ConfigException;
import io.corrigo.api.PluginId;
import io.corrigo.api.env.Environment;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.run.RunContext;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code relative} feedback simulator: CLIC's simulated teacher giving unit directions
 * (Li et al., "From Action Labels to Sets", arXiv:2502.07645).
 */
@Component(service = FeedbackSimulatorProvider.class)
@PluginId("relative")
public final class RelativeCorrectionProvider implements FeedbackSimulatorProvider<RelativeCorrectionConfig> {

    @Override
    public Class<RelativeCorrectionConfig> configType() {
        return RelativeCorrectionConfig.class;
    }

    @Override
    public RelativeCorrectionConfig defaultConfig() {
        return RelativeCorrectionConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "Relative (\"gimme\") corrections from CLIC's simulated teacher: a unit direction, optionally rotated,"
                + " executed as a + e·h under CLIC's budget and delay (Li et al., arXiv:2502.07645)";
    }

    @Override
    public Set<FeedbackKind> produces(RelativeCorrectionConfig config) {
        return Set.of(FeedbackKind.RELATIVE);
    }

    /**
     * {@inheritDoc}
     *
     * @throws ConfigException          if directional noise is on in a 1-D action space
     * @throws IllegalArgumentException if the expert's target success rate cannot be calibrated
     */
    @Override
    public FeedbackSimulator create(RelativeCorrectionConfig config, Environment environment, RunContext context) {
        int dimension = environment.actionSpace().dimension();
        if (config.noise().directional() && dimension < 2) {
            throw new ConfigException(List.of(new ConfigException.Violation("noise.directionalDegrees",
                    "needs an action space of at least 2 dimensions to rotate the direction in, but the"
                            + " environment's has " + dimension + "; use 0")));
        }
        DegradedExpert expert = DegradedExpert.create(config.expert(), environment, context);
        return DemonstratingSimulator.of(new RelativeCorrectionSimulator(config, environment.actionSpace(),
                context.random(AbsoluteCorrectionProvider.STREAM), expert), expert, environment);
    }
}
