package io.corrigo.core.internal.plugin;

import io.corrigo.api.PluginProvider;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.learner.LearnerProvider;

/** The three extension kinds, with their study-file section and service interface. */
public enum PluginKind {
    ENVIRONMENT("environments", "environment", EnvironmentProvider.class),
    FEEDBACK("feedback", "feedback", FeedbackSimulatorProvider.class),
    LEARNER("learners", "learner", LearnerProvider.class);

    private final String section;
    private final String noun;
    private final Class<? extends PluginProvider<?>> service;

    @SuppressWarnings({"unchecked", "rawtypes"})
    PluginKind(String section, String noun, Class service) {
        this.section = section;
        this.noun = noun;
        this.service = (Class<? extends PluginProvider<?>>) service;
    }

    /** The study-file key listing entries of this kind: {@code environments}, {@code feedback}, {@code learners}. */
    public String section() {
        return section;
    }

    /** The singular noun for messages: {@code environment}, {@code feedback}, {@code learner}. */
    public String noun() {
        return noun;
    }

    /** The provider service interface. */
    public Class<? extends PluginProvider<?>> service() {
        return service;
    }
}
