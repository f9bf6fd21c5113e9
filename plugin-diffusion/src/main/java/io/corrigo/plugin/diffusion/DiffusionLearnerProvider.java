package io.corrigo.plugin.diffusion;

import io.corrigo.api.PluginId;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.api.run.RunContext;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** Provides the {@code diffusion} learner. */
@Component(service = LearnerProvider.class)
@PluginId("diffusion")
public final class DiffusionLearnerProvider implements LearnerProvider<DiffusionConfig> {

    @Override
    public Class<DiffusionConfig> configType() {
        return DiffusionConfig.class;
    }

    @Override
    public DiffusionConfig defaultConfig() {
        return DiffusionConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "Diffusion Policy (Chi et al., RSS 2023): DDPM-trained denoiser over action chunks, DDIM acting,"
                + " receding horizon, EMA weights";
    }

    @Override
    public Set<FeedbackKind> accepts(DiffusionConfig config) {
        return config.feedbackKinds();
    }

    @Override
    public Learner create(DiffusionConfig config, Space observationSpace, Space actionSpace, RunContext context) {
        return new DiffusionLearner(config, observationSpace, actionSpace, context);
    }
}
