package io.corrigo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.StepResult;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.run.Checkpointable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Checks every feedback simulator must pass. A simulator's test class implements this interface,
 * supplies the provider and a small real environment:
 * {@code class AbsoluteCorrectionSimulatorTest implements FeedbackSimulatorContract<AbsoluteCorrectionConfig>}.
 *
 * <p>The checks run the simulator the way the trial runner does: a learner proposing uniformly
 * random actions inside the action space, the environment's scripted teacher giving the expert
 * action, and the environment stepped with the executed action.
 *
 * @param <C> the simulator's configuration record
 */
public interface FeedbackSimulatorContract<C extends Record> extends PluginContract<C> {

    /** The provider under test. */
    @Override
    FeedbackSimulatorProvider<C> provider();

    /** A fresh environment for one simulated trial; the contract closes it. */
    Environment environment();

    /** The configuration to test with; by default the provider's defaults. */
    default C config() {
        return provider().defaultConfig();
    }

    /** How many training episodes a simulated trial runs. */
    default int episodes() {
        return 4;
    }

    /** The step limit per episode in a simulated trial (the environment's own limit also applies). */
    default int stepsPerEpisode() {
        return 50;
    }

    @Test
    default void declaresAtLeastOneFeedbackKindAndNeverNone() {
        assertThat(provider().produces(config())).isNotEmpty().doesNotContain(FeedbackKind.NONE);
    }

    @Test
    default void producesOnlyTheDeclaredFeedbackKinds() {
        Set<FeedbackKind> declared = provider().produces(config());
        assertThat(trial(17)).allSatisfy(s -> assertThat(s.response().feedback().kind())
                .isIn(allowedWith(declared)));
    }

    @Test
    default void givesSomeFeedbackToARandomLearner() {
        assertThat(trial(19)).anySatisfy(s -> assertThat(s.response().feedback().kind())
                .isNotEqualTo(FeedbackKind.NONE));
    }

    @Test
    default void executedActionsHaveTheActionDimensionAndLieInTheActionSpace() {
        Space space;
        try (Environment env = environment()) {
            space = env.actionSpace();
        }
        assertThat(trial(23)).allSatisfy(s -> assertThat(space.contains(s.response().executed()))
                .as("executed %s inside %s", s.response().executed(), space).isTrue());
    }

    @Test
    default void learnerExecutedStepsExecuteTheProposal() {
        assertThat(trial(29)).filteredOn(s -> s.response().executedBy() == Response.Executor.LEARNER)
                .allSatisfy(s -> assertThat(s.response().executed()).isEqualTo(s.query().proposed()));
    }

    @Test
    default void sameSeedGivesTheSameResponses() {
        assertThat(trial(31)).isEqualTo(trial(31));
    }

    @Test
    default void closeTwiceIsHarmless() {
        try (Environment env = environment()) {
            FeedbackSimulator simulator = provider().create(config(), env, TestRunContext.withSeed(3));
            simulator.close();
            simulator.close();
        }
    }

    /**
     * For a simulator that implements {@link Checkpointable}: a fresh simulator given the
     * checkpoint of one that ran two episodes (and its context's generators, as the host restores
     * them) answers the next two episodes exactly as the original does. Skipped otherwise.
     */
    @Test
    default void aCheckpointRestoredIntoAFreshSimulatorAnswersExactlyAsTheOriginal() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("corrigo-checkpoint-");
        TestRunContext original = TestRunContext.withSeed(41);
        try (Environment env = environment();
             FeedbackSimulator simulator = provider().create(config(), env, original)) {
            assumeTrue(simulator instanceof Checkpointable, "the simulator does not implement Checkpointable");
            play(simulator, env, 0);
            play(simulator, env, 1);
            ((Checkpointable) simulator).checkpoint(dir);
            List<java.util.Map.Entry<String, Long>> generators = original.generatorStates();
            List<Exchange> continued = new ArrayList<>(play(simulator, env, 2));
            continued.addAll(play(simulator, env, 3));
            TestRunContext resumed = TestRunContext.withSeed(41);
            try (FeedbackSimulator fresh = provider().create(config(), env, resumed)) {
                ((Checkpointable) fresh).restore(dir);
                resumed.restoreGenerators(generators);
                List<Exchange> again = new ArrayList<>(play(fresh, env, 2));
                again.addAll(play(fresh, env, 3));
                assertThat(again).isEqualTo(continued);
            }
        }
    }

    /**
     * One training episode with {@code simulator}: a random learner drawing from {@code learner}, the
     * environment reset with {@code resetSeed}, stepped with the executed action.
     */
    private List<Exchange> play(FeedbackSimulator simulator, Environment env, SplittableRandom learner, long resetSeed) {
        List<Exchange> exchanges = new ArrayList<>();
        simulator.startEpisode();
        Observation observation = env.reset(resetSeed);
        int limit = Math.min(stepsPerEpisode(), env.maxSteps());
        for (int step = 1; step <= limit; step++) {
            Action proposed = uniform(env.actionSpace(), learner);
            Query query = new Query(observation, proposed, env.expert().act(observation, proposed), step);
            Response response = simulator.respond(query);
            exchanges.add(new Exchange(query, response));
            StepResult result = env.step(response.executed());
            if (result.done()) {
                break;
            }
            observation = result.observation();
        }
        return exchanges;
    }

    /** Training episode {@code episode} of the checkpoint check: a learner and a reset seeded by the episode. */
    private List<Exchange> play(FeedbackSimulator simulator, Environment env, int episode) {
        return play(simulator, env, new SplittableRandom(7_919L * (episode + 1)), 41_000 + episode);
    }

    /** One query and the simulator's answer. */
    record Exchange(Query query, Response response) {
    }

    /**
     * Runs a simulated trial with trial seed {@code seed}: episodes of a random learner, the
     * environment's teacher and the simulator under test, stepping the environment with the
     * executed action. Returns every exchange in order.
     */
    default List<Exchange> trial(long seed) {
        List<Exchange> exchanges = new ArrayList<>();
        SplittableRandom learner = new SplittableRandom(seed);
        try (Environment env = environment();
             FeedbackSimulator simulator = provider().create(config(), env, TestRunContext.withSeed(seed))) {
            for (int episode = 0; episode < episodes(); episode++) {
                exchanges.addAll(play(simulator, env, learner, seed * 1_000 + episode));
            }
        }
        return exchanges;
    }

    private static Set<FeedbackKind> allowedWith(Set<FeedbackKind> declared) {
        Set<FeedbackKind> allowed = new HashSet<>(declared);
        allowed.add(FeedbackKind.NONE);
        return allowed;
    }

    private static Action uniform(Space space, SplittableRandom random) {
        float[] a = new float[space.dimension()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (space.low(i) + random.nextDouble() * (space.high(i) - space.low(i)));
        }
        return space.clip(Action.of(a));
    }
}
