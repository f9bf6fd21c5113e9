package io.corrigo.plugin.clic;

import io.corrigo.api.PluginId;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.api.run.RunContext;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** Provides {@code clic-half}: energy-based CLIC with the relaxed halfspace cone. */
@Component(service = LearnerProvider.class)
@PluginId("clic-half")
public final class ClicHalfProvider implements LearnerProvider<ClicHalfConfig> {

    @Override
    public Class<ClicHalfConfig> configType() {
        return ClicHalfConfig.class;
    }

    @Override
    public ClicHalfConfig defaultConfig() {
        return ClicHalfConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "CLIC-Half: an energy-based policy trained towards the desired action set of each correction, a relaxed"
                + " halfspace cone (Li et al. 2025, arXiv:2502.07645)";
    }

    @Override
    public Set<FeedbackKind> accepts(ClicHalfConfig config) {
        return config.feedbackKinds();
    }

    @Override
    public Learner create(ClicHalfConfig config, Space observationSpace, Space actionSpace, RunContext context) {
        DesiredSet set = new HalfspaceCone(actionSpace.dimension(), config.batchSize(), config.alphaDegrees(),
                config.gamma(), config.kappa(), config.implicitHalfspaces(), config.mainHalfspaceWeight());
        return new EnergyClicLearner(config.energy(), set, observationSpace, actionSpace, context);
    }
}
