package io.corrigo.plugin.clic;

import io.corrigo.api.PluginId;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.api.run.RunContext;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** Provides {@code clic-circular}: energy-based CLIC with a ball around each corrected action. */
@Component(service = LearnerProvider.class)
@PluginId("clic-circular")
public final class ClicCircularProvider implements LearnerProvider<ClicCircularConfig> {

    @Override
    public Class<ClicCircularConfig> configType() {
        return ClicCircularConfig.class;
    }

    @Override
    public ClicCircularConfig defaultConfig() {
        return ClicCircularConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "CLIC-Circular: an energy-based policy trained towards a ball around each corrected action, radius"
                + " proportional to the correction (Li et al. 2025, arXiv:2502.07645); absolute corrections only";
    }

    @Override
    public Set<FeedbackKind> accepts(ClicCircularConfig config) {
        return config.feedbackKinds();
    }

    @Override
    public Learner create(ClicCircularConfig config, Space observationSpace, Space actionSpace, RunContext context) {
        context.note("clic-circular.learningRateSchedule", "constant " + config.learningRate() + "; the repository's"
                + " torch version warms up over 10 updates and follows one cosine cycle over 162 x (500 + 200) updates");
        DesiredSet set = new Ball(actionSpace.dimension(), config.batchSize(), config.radiusRatio(), config.kappa());
        return new EnergyClicLearner(config.energy(), set, observationSpace, actionSpace, context);
    }
}
