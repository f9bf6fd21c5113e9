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
 * The {@code dagger} feedback simulator: every visited state is labelled with the expert's action,
 * and a β schedule mixes who acts (Ross, Gordon and Bagnell, "A Reduction of Imitation Learning and
 * Structured Prediction to No-Regret Online Learning", AISTATS 2011).
 */
@Component(service = FeedbackSimulatorProvider.class)
@PluginId("dagger")
public final class DaggerProvider implements FeedbackSimulatorProvider<DaggerConfig> {

    @Override
    public Class<DaggerConfig> configType() {
        return DaggerConfig.class;
    }

    @Override
    public DaggerConfig defaultConfig() {
        return DaggerConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "DAgger relabelling: the expert labels every visited state, a linear or exponential β schedule"
                + " decides who acts (Ross et al., AISTATS 2011, arXiv:1011.0686)";
    }

    @Override
    public Set<FeedbackKind> produces(DaggerConfig config) {
        return Set.of(FeedbackKind.LABEL);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the expert's target success rate cannot be calibrated
     */
    @Override
    public FeedbackSimulator create(DaggerConfig config, Environment environment, RunContext context) {
        DegradedExpert expert = DegradedExpert.create(config.expert(), environment, context);
        return DemonstratingSimulator.of(new DaggerSimulator(config, environment.actionSpace(), context.random(AbsoluteCorrectionProvider.STREAM),
                expert), expert, environment);
    }
}
