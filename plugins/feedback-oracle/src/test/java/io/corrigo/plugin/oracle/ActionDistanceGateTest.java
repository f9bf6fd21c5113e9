package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.StepResult;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.plugin.oracle.ActionDistanceGateConfig.Norm;
import io.corrigo.testkit.TakeoverSimulatorContract;
import io.corrigo.testkit.TestRunContext;
import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The action-distance overseer: the takeover contract, perfect and far-off learners, decay, norms. */
@Epic("Feedback")
@Feature("action-distance")
class ActionDistanceGateTest implements TakeoverSimulatorContract<ActionDistanceGateConfig> {

    static final Space BOX = Space.cube(2, -1, 1);
    static final Observation ORIGIN = Observation.of(0, 0);
    private static final int DRAWS = 20_000;

    @Override
    public FeedbackSimulatorProvider<ActionDistanceGateConfig> provider() {
        return new ActionDistanceGateProvider();
    }

    @Override
    public Environment environment() {
        return new BoxEnvironment();
    }

    @Test
    void producesTakeovers() {
        assertThat(provider().produces(config())).containsExactly(FeedbackKind.TAKEOVER);
    }

    @Test
    void aPerfectLearnerIsNeverInterrupted() {
        int steps = 0;
        try (Environment env = environment();
             FeedbackSimulator simulator = provider().create(config(), env, TestRunContext.withSeed(5))) {
            for (int episode = 0; episode < 50; episode++) {
                simulator.startEpisode();
                Observation o = env.reset(episode);
                for (int t = 1; t <= env.maxSteps(); t++) {
                    Action expert = env.expert().act(o, Action.zeros(2));
                    Response r = simulator.respond(new Query(o, expert, expert, t));
                    assertThat(r).isEqualTo(Response.silent(expert));
                    steps++;
                    StepResult step = env.step(r.executed());
                    if (step.done()) {
                        break;
                    }
                    o = step.observation();
                }
            }
        }
        Allure.step(steps + " steps of a learner proposing the expert's action: no takeover");
        assertThat(steps).isGreaterThan(500);
    }

    @ParameterizedTest(name = "hit {0}, miss {1}")
    @CsvSource({"0.7, 0.2", "0.95, 0.05", "1, 0", "0.3, 0.6"})
    void farOffAndNearLearnersAreInterruptedWithTheConfiguredProbabilities(double hit, double miss) {
        ActionDistanceGateConfig config = oneStep().withProbabilities(hit, miss, 0);
        double far = rate(simulator(config), Action.of(0.9f, 0.9f), Action.of(-0.9f, -0.9f));
        double near = rate(simulator(config), Action.of(0.1f, 0), Action.zeros(2));
        Allure.step(String.format(Locale.ROOT, "hit %s, miss %s: far-off rate %.4f, near rate %.4f over %d steps",
                hit, miss, far, near, DRAWS));
        // 4 standard errors of a rate over 20 000 Bernoulli draws is at most 0.0142
        assertThat(far).isBetween(hit - 0.015, hit + 0.015);
        assertThat(near).isBetween(miss - 0.015, miss + 0.015);
    }

    @Test
    void missProbabilityDecaysExponentiallyOverEpisodes() {
        TakeoverSimulator simulator = simulator(oneStep().withProbabilities(1, 0.5, 0.5));
        StringBuilder measured = new StringBuilder();
        for (int episode = 0; episode <= 4; episode++) {
            simulator.startEpisode();
            double expected = 0.5 * Math.exp(-0.5 * episode);
            double rate = rate(simulator, Action.of(0.1f, 0), Action.zeros(2));
            measured.append(String.format(Locale.ROOT, " n=%d: %.4f (expected %.4f);", episode, rate, expected));
            assertThat(rate).isBetween(expected - 0.015, expected + 0.015);
        }
        Allure.step("near-learner rate by episode:" + measured);
    }

    @Test
    void aTakeoverLastsExactlyKStepsAndExecutesTheExpertAtEachOfThem() {
        TakeoverSimulator simulator = simulator(ActionDistanceGateConfig.DEFAULTS);
        Action near = Action.of(0.05f, 0);
        Response first = simulator.respond(new Query(ORIGIN, Action.of(0.9f, 0.9f), Action.zeros(2), 1));
        assertThat(first.feedback()).isEqualTo(new Feedback.Takeover(Action.zeros(2), 3, true));
        for (int step = 2; step <= 4; step++) {
            Action expert = Action.ofDoubles(0.1 * step, -0.1 * step);
            Response r = simulator.respond(new Query(ORIGIN, expert.plus(near), expert, step));
            assertThat(r.feedback()).as("the takeover runs on although the learner is near")
                    .isEqualTo(new Feedback.Takeover(expert, 4 - step, false));
            assertThat(r.executed()).isEqualTo(expert);
            assertThat(r.executedBy()).isEqualTo(Response.Executor.TEACHER);
        }
        Query fifth = new Query(ORIGIN, near, Action.zeros(2), 5);
        assertThat(simulator.respond(fifth)).isEqualTo(Response.silent(near));
    }

    @Test
    void theGateIsConsultedAgainAtTheFirstStepAfterATakeover() {
        TakeoverSimulator simulator = simulator(ActionDistanceGateConfig.DEFAULTS);
        for (int step = 1; step <= 4; step++) {
            simulator.respond(new Query(ORIGIN, Action.of(0.9f, 0.9f), Action.zeros(2), step));
        }
        Response fifth = simulator.respond(new Query(ORIGIN, Action.of(0.9f, 0.9f), Action.zeros(2), 5));
        assertThat(fifth.feedback()).isEqualTo(new Feedback.Takeover(Action.zeros(2), 3, true));
    }

    @Test
    void aNewEpisodeEndsARunningTakeover() {
        TakeoverSimulator simulator = simulator(ActionDistanceGateConfig.DEFAULTS);
        simulator.respond(new Query(ORIGIN, Action.of(0.9f, 0.9f), Action.zeros(2), 1));
        simulator.startEpisode();
        Query near = new Query(ORIGIN, Action.of(0.05f, 0), Action.zeros(2), 1);
        assertThat(simulator.respond(near)).isEqualTo(Response.silent(near.proposed()));
    }

    @Test
    void anExpertActionOutsideTheSpaceIsExecutedClipped() {
        TakeoverSimulator simulator = simulator(ActionDistanceGateConfig.DEFAULTS);
        Response r = simulator.respond(new Query(ORIGIN, Action.zeros(2), Action.of(1.8f, -0.4f), 1));
        assertThat(r.feedback()).isEqualTo(new Feedback.Takeover(Action.of(1, -0.4f), 3, true));
    }

    @Test
    void measuresTheDistanceInTheConfiguredNorm() {
        Action proposed = Action.of(0.15f, 0.15f);
        ActionDistanceGateConfig l2 = new ActionDistanceGateConfig(Norm.L2, 0.25, 1, 0, 0, 1, ExpertConfig.DEFAULTS);
        ActionDistanceGateConfig l1 = new ActionDistanceGateConfig(Norm.L1, 0.25, 1, 0, 0, 1, ExpertConfig.DEFAULTS);
        Query q = new Query(ORIGIN, proposed, Action.zeros(2), 1);
        assertThat(simulator(l2).respond(q).feedback()).as("L2 distance 0.21").isEqualTo(Feedback.None.instance());
        assertThat(simulator(l1).respond(q).feedback()).as("L1 distance 0.30").isInstanceOf(Feedback.Takeover.class);
    }

    /** One-step takeovers, so that every step is a consultation. */
    static ActionDistanceGateConfig oneStep() {
        return new ActionDistanceGateConfig(Norm.L2, 0.2, 1, 0, 0, 1, ExpertConfig.DEFAULTS);
    }

    static TakeoverSimulator simulator(ActionDistanceGateConfig config) {
        return new TakeoverSimulator(new ActionDistanceGate(config, new SplittableRandom(13)), config.takeoverSteps(),
                DegradedExpert.none(BOX), BOX);
    }

    /** The fraction of {@value #DRAWS} one-step consultations that start a takeover. */
    static double rate(FeedbackSimulator simulator, Action proposed, Action expert) {
        int takeovers = 0;
        for (int i = 0; i < DRAWS; i++) {
            if (simulator.respond(new Query(ORIGIN, proposed, expert, 1 + i)).feedback() instanceof Feedback.Takeover t
                    && t.started()) {
                takeovers++;
            }
        }
        return (double) takeovers / DRAWS;
    }
}
