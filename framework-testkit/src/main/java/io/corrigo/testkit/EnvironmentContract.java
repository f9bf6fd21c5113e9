package io.corrigo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.env.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Checks every environment must pass: seeded resets reproduce trajectories, shapes match the
 * spaces, episodes end, and the scripted teacher solves the task.
 *
 * @param <C> the environment's configuration record
 */
public interface EnvironmentContract<C extends Record> extends PluginContract<C> {

    /** The provider under test. */
    @Override
    EnvironmentProvider<C> provider();

    /** The configuration to test with; by default the provider's defaults. */
    default C config() {
        return provider().defaultConfig();
    }

    /** How many seeded episodes the expert check runs. */
    default int expertEpisodes() {
        return 100;
    }

    /** The fraction of those episodes the expert must solve. */
    default double expertSuccessThreshold() {
        return 0.95;
    }

    @Test
    default void resetWithSameSeedReproducesTheTrajectoryUnderTheSameActions() {
        try (Environment a = create(); Environment b = create()) {
            assertThat(rollout(a, 42)).isEqualTo(rollout(b, 42));
        }
    }

    /**
     * An episode depends on its reset seed and actions only, not on the episodes before it: what the
     * host relies on when it resumes a trial from a checkpoint without the environment's state
     * (an environment that keeps state across episodes must implement
     * {@link io.corrigo.api.run.Checkpointable}, and is not checked here).
     */
    @Test
    default void anEpisodeDoesNotDependOnTheEpisodesBeforeIt() {
        try (Environment fresh = create(); Environment used = create()) {
            if (used instanceof io.corrigo.api.run.Checkpointable) {
                return;
            }
            for (long seed = 3; seed < 6; seed++) {
                rollout(used, seed);
            }
            assertThat(rollout(used, 42)).isEqualTo(rollout(fresh, 42));
        }
    }

    @Test
    default void differentSeedsGiveDifferentInitialObservations() {
        try (Environment env = create()) {
            Observation first = env.reset(1);
            boolean differs = false;
            for (long seed = 2; seed < 10 && !differs; seed++) {
                differs = !env.reset(seed).equals(first);
            }
            assertThat(differs).as("some reset seed changes the initial state").isTrue();
        }
    }

    @Test
    default void observationsMatchTheObservationSpaceDimension() {
        try (Environment env = create()) {
            assertThat(rollout(env, 3)).allSatisfy(o ->
                    assertThat(o.size()).isEqualTo(env.observationSpace().dimension()));
        }
    }

    @Test
    default void episodesEndWithinTheStepLimitAndSteppingAfterwardsFails() {
        try (Environment env = create()) {
            env.reset(5);
            SplittableRandom r = new SplittableRandom(5);
            StepResult last = null;
            for (int t = 0; t < env.maxSteps() && (last == null || !last.done()); t++) {
                last = env.step(randomAction(env, r));
            }
            assertThat(last).isNotNull();
            assertThat(last.done()).isTrue();
            assertThatThrownBy(() -> env.step(Action.zeros(env.actionSpace().dimension())))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    /** Truncation is the step limit only: never together with termination, never earlier, always at it. */
    @Test
    default void truncatedOnlyAtTheStepLimitAndNeverTogetherWithTerminated() {
        try (Environment env = create()) {
            for (long seed = 1; seed <= 5; seed++) {
                env.reset(seed);
                SplittableRandom r = new SplittableRandom(seed);
                for (int t = 1; t <= env.maxSteps(); t++) {
                    StepResult s = env.step(randomAction(env, r));
                    assertThat(s.terminated() && s.truncated()).as("terminated and truncated at step %d", t).isFalse();
                    if (s.truncated()) {
                        assertThat(t).as("truncated at step %d of %d", t, env.maxSteps()).isEqualTo(env.maxSteps());
                    }
                    if (t == env.maxSteps()) {
                        assertThat(s.done()).as("the step limit %d ends the episode", t).isTrue();
                    }
                    if (s.done()) {
                        break;
                    }
                }
            }
        }
    }

    @Test
    default void expertSolvesTheTask() {
        int solved = 0;
        try (Environment env = create()) {
            for (int episode = 0; episode < expertEpisodes(); episode++) {
                if (expertEpisode(env, 1_000 + episode)) {
                    solved++;
                }
            }
        }
        assertThat((double) solved / expertEpisodes())
                .as("expert success over %d seeded episodes", expertEpisodes())
                .isGreaterThanOrEqualTo(expertSuccessThreshold());
    }

    /** Runs one episode driven by the expert; whether it succeeded. */
    static boolean expertEpisode(Environment env, long seed) {
        Observation o = env.reset(seed);
        Action previous = Action.zeros(env.actionSpace().dimension());
        for (int t = 0; t < env.maxSteps(); t++) {
            Action a = env.expert().act(o, previous);
            StepResult r = env.step(a);
            if (r.info().success()) {
                return true;
            }
            if (r.done()) {
                return false;
            }
            o = r.observation();
            previous = a;
        }
        return false;
    }

    private Environment create() {
        return provider().create(config(), TestRunContext.withSeed(1));
    }

    private static List<Observation> rollout(Environment env, long seed) {
        List<Observation> seen = new ArrayList<>();
        seen.add(env.reset(seed));
        SplittableRandom r = new SplittableRandom(seed);
        for (int t = 0; t < Math.min(50, env.maxSteps()); t++) {
            StepResult s = env.step(randomAction(env, r));
            seen.add(s.observation());
            if (s.done()) {
                break;
            }
        }
        return seen;
    }

    private static Action randomAction(Environment env, SplittableRandom r) {
        float[] a = new float[env.actionSpace().dimension()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (env.actionSpace().low(i) + r.nextDouble() * (env.actionSpace().high(i) - env.actionSpace().low(i)));
        }
        return Action.of(a);
    }
}
