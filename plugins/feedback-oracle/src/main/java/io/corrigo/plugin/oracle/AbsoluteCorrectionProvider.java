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
 * The {@code absolute} feedback simulator: CLIC's simulated teacher giving absolute corrections,
 * accurate or noisy (Li et al., "From Action Labels to Sets", arXiv:2502.07645).
 */
@Component(service = FeedbackSimulatorProvider.class)
@PluginId("absolute")
public final class AbsoluteCorrectionProvider implements FeedbackSimulatorProvider<AbsoluteCorrectionConfig> {

    /** The random stream the simulator draws its noise from. */
    static final String STREAM = "feedback";

    @Override
    public Class<AbsoluteCorrectionConfig> configType() {
        return AbsoluteCorrectionConfig.class;
    }

    @Override
    public AbsoluteCorrectionConfig defaultConfig() {
        return AbsoluteCorrectionConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "Absolute corrections from CLIC's simulated teacher: threshold, every-k-steps budget with a bank,"
                + " one-step delay; directional, magnitude and Gaussian noise (Li et al., arXiv:2502.07645)";
    }

    @Override
    public Set<FeedbackKind> produces(AbsoluteCorrectionConfig config) {
        return Set.of(FeedbackKind.ABSOLUTE);
    }

    /**
     * {@inheritDoc}
     *
     * @throws ConfigException          if directional noise (or a rotating expert) is asked for and
     *                                  the action space has one dimension, where no plane of rotation exists
     * @throws IllegalArgumentException if the expert's target success rate cannot be calibrated
     */
    @Override
    public FeedbackSimulator create(AbsoluteCorrectionConfig config, Environment environment, RunContext context) {
        int dimension = environment.actionSpace().dimension();
        if (config.noise().directional() && dimension < 2) {
            throw new ConfigException(List.of(new ConfigException.Violation("noise.directionalDegrees",
                    "needs an action space of at least 2 dimensions to rotate the correction in, but the"
                            + " environment's has " + dimension + "; use 0 or Gaussian noise instead")));
        }
        DegradedExpert expert = DegradedExpert.create(config.expert(), environment, context);
        return DemonstratingSimulator.of(
                new AbsoluteCorrectionSimulator(config, environment.actionSpace(), context.random(STREAM), expert),
                expert, environment);
    }
}
