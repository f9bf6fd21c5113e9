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
 * The {@code random} intervention gate: the expert takes over for k steps at random, per step or
 * once per episode (RLIF's random interventions, Luo et al., ICLR 2024, arXiv:2311.12996).
 */
@Component(service = FeedbackSimulatorProvider.class)
@PluginId("random")
public final class RandomGateProvider implements FeedbackSimulatorProvider<RandomGateConfig> {

    @Override
    public Class<RandomGateConfig> configType() {
        return RandomGateConfig.class;
    }

    @Override
    public RandomGateConfig defaultConfig() {
        return RandomGateConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "Takeovers of k steps at random, with a per-step probability or once per episode"
                + " (RLIF's random interventions, Luo et al., ICLR 2024, arXiv:2311.12996)";
    }

    @Override
    public Set<FeedbackKind> produces(RandomGateConfig config) {
        return Set.of(FeedbackKind.TAKEOVER);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the expert's target success rate cannot be calibrated
     */
    @Override
    public FeedbackSimulator create(RandomGateConfig config, Environment environment, RunContext context) {
        DegradedExpert expert = DegradedExpert.create(config.expert(), environment, context);
        RandomGate gate = new RandomGate(config, environment.maxSteps(),
                context.random(AbsoluteCorrectionProvider.STREAM));
        return DemonstratingSimulator.of(new TakeoverSimulator(gate, config.takeoverSteps(), expert, environment.actionSpace()),
                expert, environment);
    }
}
