package io.corrigo.plugin.clic;

import io.corrigo.api.PluginId;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.api.run.RunContext;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** Provides {@code clic-explicit}: CLIC's desired sets as hinge losses on a deterministic policy. */
@Component(service = LearnerProvider.class)
@PluginId("clic-explicit")
public final class ClicExplicitProvider implements LearnerProvider<ClicExplicitConfig> {

    @Override
    public Class<ClicExplicitConfig> configType() {
        return ClicExplicitConfig.class;
    }

    @Override
    public ClicExplicitConfig defaultConfig() {
        return ClicExplicitConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "CLIC-Explicit: a deterministic MLP policy pushed into each correction's desired halfspace cone by"
                + " hinge losses (Li et al. 2025, arXiv:2502.07645)";
    }

    @Override
    public Set<FeedbackKind> accepts(ClicExplicitConfig config) {
        return config.feedbackKinds();
    }

    @Override
    public Learner create(ClicExplicitConfig config, Space observationSpace, Space actionSpace, RunContext context) {
        return new ClicExplicitLearner(config, observationSpace, actionSpace, context);
    }
}
