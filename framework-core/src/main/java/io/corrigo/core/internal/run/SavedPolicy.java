package io.corrigo.core.internal.run;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.api.learner.RolloutAware;
import io.corrigo.api.run.ComputeDevice;
import io.corrigo.core.internal.plugin.PluginCatalog;
import io.corrigo.core.internal.plugin.PluginKind;
import io.corrigo.core.internal.spec.PluginEntry;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A trial's trained learner brought back from the state it saved at the end of its trial
 * ({@link TrialRunner#POLICY_DIRECTORY}), acting as in an evaluation: built by its provider with the
 * trial's configuration and the environment's spaces, then {@link Learner#load loaded}.
 * Single-threaded.
 */
public final class SavedPolicy implements AutoCloseable {

    private final Learner learner;
    private final Space observationSpace;
    private final Space actionSpace;

    private SavedPolicy(Learner learner, Space observationSpace, Space actionSpace) {
        this.learner = learner;
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
    }

    /** Builds {@code trial}'s learner from the installed plugins and loads {@code state}; {@code work} is its scratch directory. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static SavedPolicy open(PluginCatalog catalog, Trial trial, Path state, Path work) throws IOException {
        HostRunContext context = new HostRunContext(trial.key(), trial.seed(), ComputeDevice.CPU, work, () -> false);
        EnvironmentProvider environments = (EnvironmentProvider) provider(catalog, PluginKind.ENVIRONMENT, trial.environment());
        LearnerProvider learners = (LearnerProvider) provider(catalog, PluginKind.LEARNER, trial.learner());
        Space observations;
        Space actions;
        try (Environment env = environments.create(trial.environment().config(), context)) {
            observations = env.observationSpace();
            actions = env.actionSpace();
        }
        Learner learner = learners.create(trial.learner().config(), observations, actions, context);
        try {
            learner.load(state);
        } catch (IOException | RuntimeException e) {
            learner.close();
            throw e;
        }
        SavedPolicy policy = new SavedPolicy(learner, observations, actions);
        policy.startRollout();
        return policy;
    }

    /** Width of the observations {@link #act} takes. */
    public int observationSize() {
        return observationSpace.dimension();
    }

    /** The learner's action for {@code observation}, clipped to the action space. */
    public Action act(float[] observation) {
        if (observation.length != observationSpace.dimension()) {
            throw new IllegalArgumentException("expected an observation of " + observationSpace.dimension()
                    + " numbers but got " + observation.length);
        }
        return actionSpace.clip(learner.act(Observation.of(observation)));
    }

    /** A new episode starts: learners with memory (observation history, action chunks) forget the last one. */
    public void startRollout() {
        if (learner instanceof RolloutAware aware) {
            aware.startRollout();
        }
    }

    @Override
    public void close() {
        learner.close();
    }

    private static Object provider(PluginCatalog catalog, PluginKind kind, PluginEntry entry) {
        return catalog.find(kind, entry.id(), entry.bundle()).orElseThrow(() -> new IllegalStateException(
                kind.noun() + " '" + entry.id() + "' is not installed"));
    }
}
