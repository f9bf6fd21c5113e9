package io.corrigo.distribution.sleepy;

import io.corrigo.api.Space;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.api.run.RunContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * A misbehaving drop-in for tests (packed into a bundle by {@code TestBundles}): its learner's
 * {@code act()} never returns after {@code hangAtStep} steps and ignores interrupts, like a plugin
 * stuck in a native call.
 */
public final class SleepyLearnerProvider implements LearnerProvider<SleepyConfig> {

    @Override
    public Class<SleepyConfig> configType() {
        return SleepyConfig.class;
    }

    @Override
    public SleepyConfig defaultConfig() {
        return SleepyConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "test drop-in whose act() hangs";
    }

    @Override
    public Set<FeedbackKind> accepts(SleepyConfig config) {
        return EnumSet.of(FeedbackKind.ABSOLUTE);
    }

    @Override
    public Learner create(SleepyConfig config, Space observationSpace, Space actionSpace, RunContext context) {
        return new SleepyLearner(config.hangAtStep(), config.stepMillis(), actionSpace.dimension());
    }
}
