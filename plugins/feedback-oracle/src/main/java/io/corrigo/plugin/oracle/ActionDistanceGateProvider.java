package io.corrigo.plugin.oracle;

import io.corrigo.api.PluginId;
import io.corrigo.api.env.Environment;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.run.RunContext;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code action-distance} intervention gate: the expert takes over for k steps when the
 * learner's action is far from its own (HG-DAgger, Kelly et al., ICRA 2019; RLIF's binary overseer,
 * Luo et al., ICLR 2024).
 */
@Component(service = FeedbackSimulatorProvider.class)
@PluginId("action-distance")
public final class ActionDistanceGateProvider implements FeedbackSimulatorProvider<ActionDistanceGateConfig> {

    @Override
    public Class<ActionDistanceGateConfig> configType() {
        return ActionDistanceGateConfig.class;
    }

    @Override
    public ActionDistanceGateConfig defaultConfig() {
        return ActionDistanceGateConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "Takeovers of k steps when the learner's action is far from the expert's, with hit/miss probabilities"
                + " (HG-DAgger, Kelly et al., ICRA 2019; RLIF's binary gate, Luo et al., ICLR 2024)";
    }

    @Override
    public Set<FeedbackKind> produces(ActionDistanceGateConfig config) {
        return Set.of(FeedbackKind.TAKEOVER);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the expert's target success rate cannot be calibrated
     */
    @Override
    public FeedbackSimulator create(ActionDistanceGateConfig config, Environment environment, RunContext context) {
        DegradedExpert expert = DegradedExpert.create(config.expert(), environment, context);
        return DemonstratingSimulator.of(new TakeoverSimulator(new ActionDistanceGate(config, context.random(AbsoluteCorrectionProvider.STREAM)),
                config.takeoverSteps(), expert, environment.actionSpace()), expert, environment);
    }
}
