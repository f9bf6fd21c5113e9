package io.corrigo.core.internal.run;

import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.core.internal.plugin.PluginCatalog;
import io.corrigo.core.internal.plugin.PluginKind;
import io.corrigo.core.internal.spec.PluginEntry;

/** Creates one trial's environment, learner and feedback simulator from the providers installed now. */
final class TrialPlugins {

    private final PluginCatalog catalog;
    private final Trial trial;
    private final HostRunContext context;

    TrialPlugins(PluginCatalog catalog, Trial trial, HostRunContext context) {
        this.catalog = catalog;
        this.trial = trial;
        this.context = context;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Environment environment() throws TrialFailedException {
        EnvironmentProvider p = (EnvironmentProvider) provider(PluginKind.ENVIRONMENT, trial.environment());
        return create(PluginKind.ENVIRONMENT, trial.environment(), (Environment) p.create(trial.environment().config(), context));
    }

    private <T> T create(PluginKind kind, PluginEntry entry, T instance) throws TrialFailedException {
        if (instance == null) {
            throw new TrialFailedException(trial.key(), trial.seed(), kind.noun() + " '" + entry.id() + "' created nothing", null);
        }
        return instance;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Learner learner(Environment env) throws TrialFailedException {
        LearnerProvider p = (LearnerProvider) provider(PluginKind.LEARNER, trial.learner());
        return create(PluginKind.LEARNER, trial.learner(),
                (Learner) p.create(trial.learner().config(), env.observationSpace(), env.actionSpace(), context));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    FeedbackSimulator feedback(Environment env) throws TrialFailedException {
        FeedbackSimulatorProvider p = (FeedbackSimulatorProvider) provider(PluginKind.FEEDBACK, trial.feedback());
        return create(PluginKind.FEEDBACK, trial.feedback(),
                (FeedbackSimulator) p.create(trial.feedback().config(), env, context));
    }

    private Object provider(PluginKind kind, PluginEntry entry) throws TrialFailedException {
        return catalog.find(kind, entry.id(), entry.bundle()).orElseThrow(() -> new TrialFailedException(trial.key(), trial.seed(),
                kind.noun() + " '" + entry.id() + "' is no longer installed", null));
    }
}
