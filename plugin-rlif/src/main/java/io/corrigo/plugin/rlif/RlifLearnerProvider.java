package io.corrigo.plugin.rlif;

import io.corrigo.api.PluginId;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.api.run.RunContext;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** Provides the {@code rlif} learner. */
@Component(service = LearnerProvider.class)
@PluginId("rlif")
public final class RlifLearnerProvider implements LearnerProvider<RlifConfig> {

    @Override
    public Class<RlifConfig> configType() {
        return RlifConfig.class;
    }

    @Override
    public RlifConfig defaultConfig() {
        return RlifConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "RLIF (Luo et al., ICLR 2024): RLPD-style soft actor-critic rewarded -1 for each takeover, nothing else";
    }

    @Override
    public Set<FeedbackKind> accepts(RlifConfig config) {
        return EnumSet.of(FeedbackKind.TAKEOVER);
    }

    @Override
    public Learner create(RlifConfig config, Space observationSpace, Space actionSpace, RunContext context) {
        return new RlifLearner(config, observationSpace, actionSpace, context);
    }
}
