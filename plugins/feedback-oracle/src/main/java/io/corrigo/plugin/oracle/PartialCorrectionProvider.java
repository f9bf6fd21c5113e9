package io.corrigo.plugin.oracle;

import io.corrigo.api.ConfigException;
import io.corrigo.api.PluginId;
import io.corrigo.api.env.ActionGroup;
import io.corrigo.api.env.Environment;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.run.RunContext;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code partial} feedback simulator: CLIC's teacher correcting only the action group with the
 * larger error, absolute or relative (Li et al., "From Action Labels to Sets", arXiv:2502.07645).
 */
@Component(service = FeedbackSimulatorProvider.class)
@PluginId("partial")
public final class PartialCorrectionProvider implements FeedbackSimulatorProvider<PartialCorrectionConfig> {

    @Override
    public Class<PartialCorrectionConfig> configType() {
        return PartialCorrectionConfig.class;
    }

    @Override
    public PartialCorrectionConfig defaultConfig() {
        return PartialCorrectionConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "Partial corrections from CLIC's simulated teacher: only the action group with the larger error,"
                + " absolute values or a relative direction (Li et al., arXiv:2502.07645)";
    }

    @Override
    public Set<FeedbackKind> produces(PartialCorrectionConfig config) {
        return Set.of(config.relative() ? FeedbackKind.RELATIVE : FeedbackKind.PARTIAL);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if an action group names a dimension outside the action space,
     *                                  or the expert's target success rate cannot be calibrated
     * @throws ConfigException          if directional noise is on and some action group has one dimension
     */
    @Override
    public FeedbackSimulator create(PartialCorrectionConfig config, Environment environment, RunContext context) {
        int dimension = environment.actionSpace().dimension();
        List<ActionGroup> groups = environment.actionGroups();
        for (ActionGroup g : groups) {
            if (g.dimensions().stream().anyMatch(d -> d >= dimension)) {
                throw new IllegalArgumentException("action group '" + g.name() + "' of "
                        + environment.getClass().getSimpleName() + " names dimensions " + g.dimensions()
                        + " outside its " + dimension + "-D action space");
            }
            if (config.noise().directional() && g.dimensions().size() < 2) {
                throw new ConfigException(List.of(new ConfigException.Violation("noise.directionalDegrees",
                        "rotates the corrected group's sub-vector, which needs at least 2 dimensions, but action"
                                + " group '" + g.name() + "' has 1; use 0")));
            }
        }
        DegradedExpert expert = DegradedExpert.create(config.expert(), environment, context);
        return DemonstratingSimulator.of(new PartialCorrectionSimulator(config, environment.actionSpace(), groups,
                context.random(AbsoluteCorrectionProvider.STREAM), expert), expert, environment);
    }
}
