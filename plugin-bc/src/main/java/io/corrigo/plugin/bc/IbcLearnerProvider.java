package io.corrigo.plugin.bc;

import io.corrigo.api.PluginId;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.api.run.RunContext;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** Provides the {@code ibc} learner. */
@Component(service = LearnerProvider.class)
@PluginId("ibc")
public final class IbcLearnerProvider implements LearnerProvider<IbcConfig> {

    @Override
    public Class<IbcConfig> configType() {
        return IbcConfig.class;
    }

    @Override
    public IbcConfig defaultConfig() {
        return IbcConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "Implicit behaviour cloning: an energy network trained with InfoNCE on received labels, Langevin or DFO"
                + " inference (Florence et al., CoRL 2021), on CLIC's HG-DAgger schedule";
    }

    @Override
    public Set<FeedbackKind> accepts(IbcConfig config) {
        return config.feedbackKinds();
    }

    @Override
    public Learner create(IbcConfig config, Space observationSpace, Space actionSpace, RunContext context) {
        return new IbcLearner(config, observationSpace, actionSpace, context);
    }
}
