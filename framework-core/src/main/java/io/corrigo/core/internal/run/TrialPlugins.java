package io.corrigo.core.internal.run;

import io.corrigo.api.PluginProvider;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.core.internal.plugin.PluginCatalog;
import io.corrigo.core.internal.plugin.PluginKind;
import io.corrigo.core.internal.spec.PluginEntry;

/**
 * Creates one trial's environment, learner and feedback simulator from the providers installed now,
 * and notes which bundle and version each came from ({@code bundle.learner: org.example.foo 1.1.0}):
 * a drop-in replaced during a study serves the trials that start afterwards, and each trial says
 * which version it ran.
 */
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
        return create(PluginKind.ENVIRONMENT, trial.environment(), (Environment) p.create(config(p, trial.environment()), context));
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
                (Learner) p.create(config(p, trial.learner()), env.observationSpace(), env.actionSpace(), context));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    FeedbackSimulator feedback(Environment env) throws TrialFailedException {
        FeedbackSimulatorProvider p = (FeedbackSimulatorProvider) provider(PluginKind.FEEDBACK, trial.feedback());
        return create(PluginKind.FEEDBACK, trial.feedback(),
                (FeedbackSimulator) p.create(config(p, trial.feedback()), env, context));
    }

    /** The entry's settings for {@code provider}, carried over if its bundle was replaced since the study was loaded. */
    private Record config(PluginProvider<?> provider, PluginEntry entry) throws TrialFailedException {
        try {
            return ConfigRebinder.forProvider(provider, entry.config());
        } catch (IllegalArgumentException e) {
            throw new TrialFailedException(trial.key(), trial.seed(), entry.kind().noun() + " '" + entry.id() + "': "
                    + e.getMessage(), e);
        }
    }

    private Object provider(PluginKind kind, PluginEntry entry) throws TrialFailedException {
        Object provider = catalog.find(kind, entry.id(), entry.bundle()).orElseThrow(() -> new TrialFailedException(trial.key(),
                trial.seed(), kind.noun() + " '" + entry.id() + "' is no longer installed", null));
        catalog.bundleOfProvider(provider).ifPresent(bundle -> context.note("bundle." + kind.noun(), bundle));
        catalog.keepClassesLoaded(provider);
        return provider;
    }
}
