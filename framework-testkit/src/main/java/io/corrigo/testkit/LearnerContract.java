package io.corrigo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.api.learner.Transition;
import io.corrigo.api.run.Checkpointable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Checks every learner must pass. A learner's test class implements this interface and supplies
 * the provider: {@code class BcLearnerTest implements LearnerContract<BcConfig>}.
 *
 * <p>The checks drive the learner through short synthetic episodes in which a teacher corrects
 * every proposal towards a fixed linear map of the observation.
 *
 * @param <C> the learner's configuration record
 */
public interface LearnerContract<C extends Record> extends PluginContract<C> {

    /** The provider under test. */
    @Override
    LearnerProvider<C> provider();

    /** The configuration to test with; by default the provider's defaults. Keep it small and fast. */
    default C config() {
        return provider().defaultConfig();
    }

    /** Observation space of the synthetic task. */
    default Space observationSpace() {
        return Space.cube(3, -1, 1);
    }

    /** Action space of the synthetic task. */
    default Space actionSpace() {
        return Space.cube(2, -1, 1);
    }

    @Test
    default void actionsHaveTheActionSpaceDimensionAndStayInside() {
        try (Learner learner = create(7)) {
            for (Observation o : observations(20, 1)) {
                Action a = learner.act(o);
                assertThat(a.size()).isEqualTo(actionSpace().dimension());
                assertThat(actionSpace().contains(a)).as("action %s inside %s", a, actionSpace()).isTrue();
            }
        }
    }

    @Test
    default void sameSeedAndSameFeedbackGiveTheSameActions() {
        List<Action> first;
        List<Action> second;
        try (Learner a = create(11); Learner b = create(11)) {
            first = train(a, 3);
            second = train(b, 3);
        }
        assertThat(second).isEqualTo(first);
    }

    @Test
    default void learnerDeclaresAtLeastOneFeedbackKind() {
        assertThat(provider().accepts(config())).isNotEmpty().doesNotContain(FeedbackKind.NONE);
    }

    @Test
    default void rejectsFeedbackKindsItDoesNotAccept() {
        Set<FeedbackKind> unsupported = EnumSet.complementOf(EnumSet.copyOf(provider().accepts(config())));
        unsupported.remove(FeedbackKind.NONE);
        try (Learner learner = create(3)) {
            Observation o = observations(1, 2).get(0);
            Action proposed = learner.act(o);
            for (FeedbackKind kind : unsupported) {
                Feedback f = sample(kind, proposed);
                assertThatThrownBy(() -> learner.observe(transition(o, proposed, f, 1)))
                        .as("feedback kind %s", kind)
                        .isInstanceOf(IllegalArgumentException.class)
                        .satisfies(e -> assertThat(e.getMessage()).as("the message names the refused kind")
                                .containsIgnoringCase(kind.id()));
            }
        }
    }

    @Test
    default void saveThenLoadReproducesTheActions() throws Exception {
        Path dir = Files.createTempDirectory("corrigo-learner-");
        List<Observation> probe = observations(10, 5);
        List<Action> before = new ArrayList<>();
        try (Learner trained = create(13)) {
            train(trained, 2);
            trained.save(dir);
            for (Observation o : probe) {
                before.add(trained.act(o));
            }
        }
        try (Learner restored = create(13)) {
            restored.load(dir);
            List<Action> after = new ArrayList<>();
            for (Observation o : probe) {
                after.add(restored.act(o));
            }
            assertThat(after).hasSize(before.size());
            for (int i = 0; i < before.size(); i++) {
                assertThat(after.get(i).distanceTo(before.get(i))).isLessThan(0.25);
            }
        }
    }

    /**
     * For a learner that implements {@link Checkpointable}: a fresh learner given the checkpoint of
     * one trained for two episodes (quiet for 10 steps, then feedback on every third step) (and its context's generators, as the host restores them)
     * continues exactly as the original does — the same actions, bit for bit. Skipped otherwise.
     */
    @Test
    default void aCheckpointRestoredIntoAFreshLearnerContinuesExactly() throws Exception {
        Path dir = Files.createTempDirectory("corrigo-checkpoint-");
        TestRunContext original = TestRunContext.withSeed(17);
        try (Learner trained = provider().create(config(), observationSpace(), actionSpace(), original)) {
            assumeTrue(trained instanceof Checkpointable, "the learner does not implement Checkpointable");
            train(trained, 2, 3, 10);
            ((Checkpointable) trained).checkpoint(dir);
            List<Map.Entry<String, Long>> generators = original.generatorStates();
            List<Action> continued = train(trained, 2, 3, 10);
            TestRunContext resumed = TestRunContext.withSeed(17);
            try (Learner fresh = provider().create(config(), observationSpace(), actionSpace(), resumed)) {
                ((Checkpointable) fresh).restore(dir);
                resumed.restoreGenerators(generators);
                assertThat(train(fresh, 2, 3, 10)).as("actions after two more episodes").isEqualTo(continued);
            }
        }
    }

    /**
     * {@code close()} releases the native memory the learner took: with DJL on the class path, every
     * manager it opened (for its parameters, optimiser moments, staged inputs) is closed again after
     * training and closing. Skipped when DJL is not on the test class path.
     */
    @Test
    default void closeReleasesTheNativeMemoryItTook() {
        java.util.OptionalInt before = NativeResources.openManagers("PyTorch");
        assumeTrue(before.isPresent(), "DJL is not on the class path: no native memory to count");
        Learner learner = create(23);
        train(learner, 1);
        assertThat(NativeResources.openManagers("PyTorch").getAsInt()).as("managers open while the learner lives")
                .isGreaterThanOrEqualTo(before.getAsInt());
        learner.close();
        assertThat(NativeResources.openManagers("PyTorch").getAsInt())
                .as("DJL managers left open by close() (each holds native tensors)").isEqualTo(before.getAsInt());
    }

    @Test
    default void closeTwiceIsHarmless() {
        Learner learner = create(5);
        learner.close();
        learner.close();
    }

    private Learner create(long seed) {
        return provider().create(config(), observationSpace(), actionSpace(), TestRunContext.withSeed(seed));
    }

    /** Runs {@code episodes} short episodes with corrections towards a linear teacher; returns probe actions. */
    private List<Action> train(Learner learner, int episodes) {
        return train(learner, episodes, 1, 0);
    }

    /**
     * As {@link #train(Learner, int)}, with nothing said in the first {@code quiet} steps of an
     * episode and feedback on every {@code every}-th step after them, so that a learner also trains
     * on steps that bring no new label (periodic updates, updates carried over between episodes).
     */
    private List<Action> train(Learner learner, int episodes, int every, int quiet) {
        for (int e = 0; e < episodes; e++) {
            learner.startEpisode();
            List<Observation> obs = observations(40, 100 + e);
            for (int t = 0; t < obs.size(); t++) {
                Observation o = obs.get(t);
                Action proposed = learner.act(o);
                Action wanted = teacher(o);
                Feedback f = t >= quiet && (t + 1) % every == 0 ? sample(preferredKind(), proposed, wanted)
                        : Feedback.None.instance();
                learner.observe(transition(o, proposed, f, t + 1, t == obs.size() - 1));
            }
            learner.endEpisode();
        }
        List<Action> probe = new ArrayList<>();
        for (Observation o : observations(5, 999)) {
            probe.add(learner.act(o));
        }
        return probe;
    }

    private FeedbackKind preferredKind() {
        Set<FeedbackKind> accepted = provider().accepts(config());
        for (FeedbackKind k : List.of(FeedbackKind.ABSOLUTE, FeedbackKind.LABEL, FeedbackKind.TAKEOVER,
                FeedbackKind.RELATIVE, FeedbackKind.PARTIAL)) {
            if (accepted.contains(k)) {
                return k;
            }
        }
        throw new IllegalStateException("learner accepts no feedback");
    }

    private Action teacher(Observation o) {
        float[] a = new float[actionSpace().dimension()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) Math.tanh(o.get(i % o.size()) - 0.5 * o.get((i + 1) % o.size()));
        }
        return Action.of(a);
    }

    private Feedback sample(FeedbackKind kind, Action proposed) {
        Action other = proposed.times(-1);
        return sample(kind, proposed, other.distanceTo(proposed) > 1e-3 ? other : Action.zeros(proposed.size()).plus(
                Action.of(fill(proposed.size(), 0.5f))));
    }

    private static Feedback sample(FeedbackKind kind, Action proposed, Action wanted) {
        Action d = wanted.minus(proposed);
        double n = d.norm();
        return switch (kind) {
            case NONE -> Feedback.None.instance();
            case ABSOLUTE -> new Feedback.AbsoluteCorrection(wanted);
            case LABEL -> new Feedback.Label(wanted);
            case TAKEOVER -> new Feedback.Takeover(wanted, 0, true);
            case RELATIVE -> n < 1e-6 ? Feedback.None.instance() : new Feedback.RelativeCorrection(d.times(1 / n), 0.2);
            case PARTIAL -> new Feedback.PartialCorrection(partial(proposed, wanted), Set.of(0));
        };
    }

    private static Action partial(Action proposed, Action wanted) {
        float[] a = proposed.toArray();
        a[0] = wanted.get(0);
        return Action.of(a);
    }

    private static float[] fill(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private List<Observation> observations(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Space s = observationSpace();
        List<Observation> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] o = new float[s.dimension()];
            for (int d = 0; d < o.length; d++) {
                o[d] = (float) (s.low(d) + r.nextDouble() * (s.high(d) - s.low(d)));
            }
            list.add(Observation.of(o));
        }
        return list;
    }

    private static Transition transition(Observation o, Action proposed, Feedback f, int step) {
        return transition(o, proposed, f, step, false);
    }

    private static Transition transition(Observation o, Action proposed, Feedback f, int step, boolean last) {
        boolean teacher = f instanceof Feedback.Takeover;
        Action executed = teacher ? ((Feedback.Takeover) f).expertAction() : proposed;
        return new Transition(o, proposed, f, executed,
                teacher ? Response.Executor.TEACHER : Response.Executor.LEARNER,
                o, 0, false, last, new StepInfo(false, 0), step);
    }
}
