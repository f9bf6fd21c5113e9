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
 * The {@code value} intervention gate: the expert takes over for k steps when the learner's action
 * is worse than the reference by more than δ in estimated Q (Luo et al., "RLIF: Interactive
 * Imitation Learning as Reinforcement Learning", ICLR 2024, arXiv:2311.12996).
 */
@Component(service = FeedbackSimulatorProvider.class)
@PluginId("value")
public final class ValueGateProvider implements FeedbackSimulatorProvider<ValueGateConfig> {

    @Override
    public Class<ValueGateConfig> configType() {
        return ValueGateConfig.class;
    }

    @Override
    public ValueGateConfig defaultConfig() {
        return ValueGateConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "Takeovers of k steps when Q(s, a_ref) − Q(s, a_learner) > δ with probability β, Q by snapshot"
                + " lookahead on the environment's value (RLIF, Luo et al., ICLR 2024, arXiv:2311.12996)";
    }

    @Override
    public Set<FeedbackKind> produces(ValueGateConfig config) {
        return Set.of(FeedbackKind.TAKEOVER);
    }

    /**
     * {@inheritDoc} Resets the fresh environment once to probe it.
     *
     * @throws IllegalArgumentException if the environment offers no {@code value()} or no snapshots,
     *                                  or the expert's target success rate cannot be calibrated
     */
    @Override
    public FeedbackSimulator create(ValueGateConfig config, Environment environment, RunContext context) {
        ValueGate.requireValuesAndSnapshots(environment, ExpertCalibration.SEED_BASE);
        DegradedExpert expert = DegradedExpert.create(config.expert(), environment, context);
        ValueGate gate = new ValueGate(config, environment, context.random(AbsoluteCorrectionProvider.STREAM));
        return DemonstratingSimulator.of(new TakeoverSimulator(gate, config.takeoverSteps(), expert, environment.actionSpace()),
                expert, environment);
    }
}
