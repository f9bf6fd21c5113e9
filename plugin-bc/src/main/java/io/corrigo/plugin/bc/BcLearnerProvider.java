package io.corrigo.plugin.bc;

import io.corrigo.api.PluginId;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.api.run.RunContext;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** Provides the {@code bc} learner. */
@Component(service = LearnerProvider.class)
@PluginId("bc")
public final class BcLearnerProvider implements LearnerProvider<BcConfig> {

    @Override
    public Class<BcConfig> configType() {
        return BcConfig.class;
    }

    @Override
    public BcConfig defaultConfig() {
        return BcConfig.defaults();
    }

    @Override
    public String description() {
        return "Behaviour cloning (MSE) on received labels; HG-DAgger with absolute corrections (Kelly et al., ICRA 2019)";
    }

    @Override
    public Set<FeedbackKind> accepts(BcConfig config) {
        return config.feedbackKinds();
    }

    @Override
    public Learner create(BcConfig config, Space observationSpace, Space actionSpace, RunContext context) {
        return new BcLearner(config, observationSpace, actionSpace, context);
    }
}
