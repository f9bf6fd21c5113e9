package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.StepResult;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.plugin.oracle.ValueGateConfig.Estimator;
import io.corrigo.testkit.TakeoverSimulatorContract;
import io.corrigo.testkit.TestRunContext;
import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The value-based overseer: the takeover contract, the exact decision rule, β, the estimators. */
@Epic("Feedback")
@Feature("value")
class ValueGateTest implements TakeoverSimulatorContract<ValueGateConfig> {

    @Override
    public FeedbackSimulatorProvider<ValueGateConfig> provider() {
        return new ValueGateProvider();
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
    void intervenesExactlyWhenTheValueDifferenceExceedsDelta() {
        double delta = 0.05;
        ValueGateConfig config = new ValueGateConfig(Estimator.ONE_STEP, 10, delta, 1, 1, ExpertConfig.DEFAULTS);
        SplittableRandom learner = new SplittableRandom(3);
        int above = 0;
        int below = 0;
        try (BoxEnvironment env = new BoxEnvironment()) {
            FeedbackSimulator simulator = provider().create(config, env, TestRunContext.withSeed(3));
            for (int episode = 0; episode < 20; episode++) {
                Observation o = env.reset(episode);
                simulator.startEpisode();
                for (int t = 1; t <= 30; t++) {
                    Action proposed = Action.ofDoubles(learner.nextDouble(-1, 1), learner.nextDouble(-1, 1));
                    Action expert = env.expert().act(o, proposed);
                    double advantage = oneStepQ(env.position(), expert) - oneStepQ(env.position(), proposed);
                    Response r = simulator.respond(new Query(o, proposed, expert, t));
                    assertThat(r.feedback() instanceof Feedback.Takeover)
                            .as("advantage %.5f against δ %s", advantage, delta).isEqualTo(advantage > delta);
                    above += advantage > delta ? 1 : 0;
                    below += advantage > delta ? 0 : 1;
                    StepResult step = env.step(r.executed());
                    if (step.done()) {
                        break;
                    }
                    o = step.observation();
                }
            }
        }
        Allure.step(above + " steps above δ (all taken over), " + below + " at or below (none taken over)");
        assertThat(above).isGreaterThan(20);
        assertThat(below).isGreaterThan(20);
    }

    @Test
    void betaIsTheProbabilityOfActingOnTheDecision() {
        ValueGateConfig config = new ValueGateConfig(Estimator.ONE_STEP, 10, 0.05, 0.8, 1, ExpertConfig.DEFAULTS);
        try (BoxEnvironment env = new BoxEnvironment()) {
            FeedbackSimulator simulator = provider().create(config, env, TestRunContext.withSeed(7));
            Observation o = env.reset(17);
            Action expert = env.expert().act(o, Action.zeros(2));
            Action away = Action.ofDoubles(-Math.signum(expert.get(0)), -Math.signum(expert.get(1)));
            double bad = ActionDistanceGateTest.rate(simulator, away, expert);
            double good = ActionDistanceGateTest.rate(simulator, expert, expert);
            Allure.step(String.format(Locale.ROOT, "β 0.8: rate %.4f for a worse action, %.4f for the expert's", bad, good));
            assertThat(bad).isBetween(0.785, 0.815);
            assertThat(good).isBetween(0.185, 0.215);
        }
    }

    @Test
    void rolloutEstimateFollowsTheExpertForTheHorizonAndAddsTheFinalValue() {
        ValueGateConfig config = ValueGateConfig.DEFAULTS.withEstimator(Estimator.ROLLOUT, 7);
        try (BoxEnvironment env = new BoxEnvironment(); BoxEnvironment twin = new BoxEnvironment()) {
            ValueGate gate = new ValueGate(config, env, new SplittableRandom(1));
            env.reset(23);
            twin.reset(23);
            Action a = Action.of(0.7f, -0.2f);
            StepResult step = twin.step(a);
            double expected = step.reward();
            Action previous = a;
            for (int h = 0; h < 7; h++) {
                Action next = twin.expert().act(step.observation(), previous);
                step = twin.step(next);
                expected += step.reward();
                previous = next;
            }
            expected += twin.value().orElseThrow();
            assertThat(gate.q(a)).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void oneStepEstimateIsRewardPlusValueOfTheNextState() {
        try (BoxEnvironment env = new BoxEnvironment()) {
            ValueGate gate = new ValueGate(ValueGateConfig.DEFAULTS, env, new SplittableRandom(1));
            env.reset(29);
            double q = gate.q(Action.of(0.3f, 0.4f));
            assertThat(q).isCloseTo(oneStepQ(env.position(), Action.of(0.3f, 0.4f)), within(1e-12));
        }
    }

    @Test
    void lookaheadLeavesTheEnvironmentAsItFoundIt() {
        ValueGateConfig config = ValueGateConfig.DEFAULTS.withEstimator(Estimator.ROLLOUT, 20);
        try (BoxEnvironment env = new BoxEnvironment(); BoxEnvironment twin = new BoxEnvironment()) {
            FeedbackSimulator simulator = provider().create(config, env, TestRunContext.withSeed(9));
            Observation o = env.reset(31);
            twin.reset(31);
            for (int t = 1; t <= 60; t++) {
                Action proposed = Action.of(0.5f, -0.5f);
                Response r = simulator.respond(new Query(o, proposed, env.expert().act(o, proposed), t));
                StepResult mine = env.step(r.executed());
                StepResult theirs = twin.step(r.executed());
                assertThat(mine).as("step %d", t).isEqualTo(theirs);
                if (mine.done()) {
                    break;
                }
                o = mine.observation();
            }
        }
    }

    @Test
    void failsAtCreationWhenTheEnvironmentOffersNoValuesOrSnapshots() {
        try (Environment env = BoxEnvironment.withoutLookahead()) {
            assertThatThrownBy(() -> provider().create(ValueGateConfig.DEFAULTS, env, TestRunContext.withSeed(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("BoxEnvironment")
                    .hasMessageContaining("no state value (value() is empty)")
                    .hasMessageContaining("no snapshots (snapshot() is empty)");
        }
    }

    /** {@code r + V(s')} of {@link BoxEnvironment} from {@code position}: twice minus the next distance. */
    static double oneStepQ(double[] position, Action action) {
        Action a = ActionDistanceGateTest.BOX.clip(action);
        double sum = 0;
        for (int i = 0; i < position.length; i++) {
            double next = Math.max(-1, Math.min(1, position[i] + 0.1 * a.get(i)));
            sum += next * next;
        }
        return -2 * Math.sqrt(sum);
    }
}
