package io.corrigo.plugin.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.env.Scene;
import io.corrigo.api.env.Snapshot;
import io.corrigo.api.env.StepResult;
import io.corrigo.testkit.EnvironmentContract;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Environments")
@Feature("cartpole")
class CartPoleEnvironmentTest implements EnvironmentContract<CartPoleConfig> {

    @Override
    public EnvironmentProvider<CartPoleConfig> provider() {
        return new CartPoleProvider();
    }

    /** Runs the expert from the current state; the last step. */
    private static StepResult expertEpisode(CartPoleEnvironment env, Observation start) {
        Observation o = start;
        StepResult r = null;
        while (r == null || !r.done()) {
            r = env.step(env.expert().act(o, Action.zeros(1)));
            o = r.observation();
        }
        return r;
    }

    @Test
    void riccatiIterationReproducesTheTabulatedLqrGains() {
        double[] gains = CartPoleEnvironment.REGULATOR.gains();
        System.out.printf("cart-pole LQR: F = %.4fx + %.4fẋ + %.4fθ + %.4fθ̇%n",
                -gains[0], -gains[1], -gains[2], -gains[3]);
        assertThat(gains[0]).isCloseTo(-2.784, within(1e-2));
        assertThat(gains[1]).isCloseTo(-5.321, within(1e-2));
        assertThat(gains[2]).isCloseTo(-46.437, within(1e-2));
        assertThat(gains[3]).isCloseTo(-12.048, within(1e-2));
    }

    @Test
    void expertBalancesTwoHundredOfTwoHundredEpisodes() {
        CartPoleEnvironment env = new CartPoleEnvironment(CartPoleConfig.DEFAULTS);
        int solved = 0;
        for (long seed = 0; seed < 200; seed++) {
            StepResult last = expertEpisode(env, env.reset(seed));
            solved += last.info().success() ? 1 : 0;
        }
        System.out.printf("cart-pole expert: %d/200 survived 500 steps%n", solved);
        assertThat(solved).isEqualTo(200);
    }

    @Test
    void expertCatchesTheWorstCornersOfTheStartBox() {
        CartPoleEnvironment env = new CartPoleEnvironment(CartPoleConfig.DEFAULTS);
        for (int xSign : new int[] {-1, 1}) {
            for (int thetaSign : new int[] {-1, 1}) {
                for (int velocitySign : new int[] {-1, 1}) {
                    Observation start = env.start(xSign, velocitySign * 0.05, thetaSign * 0.2, velocitySign * 0.05);
                    StepResult last = expertEpisode(env, start);
                    assertThat(last.info().success()).as("start %s", start).isTrue();
                    assertThat(Math.abs(last.observation().get(0))).as("ends near the centre").isLessThan(0.05f);
                }
            }
        }
    }

    @Test
    void twoStepsMatchGymCartPoleEquations() {
        CartPoleEnvironment env = new CartPoleEnvironment(CartPoleConfig.DEFAULTS);
        env.start(0.5, -0.2, 0.1, 0.3);
        Observation first = env.step(Action.of(1)).observation();
        // reference values from Gym's CartPoleEnv.step, transcribed to Python, F = 10 then F = -4
        assertThat(first).isEqualTo(Observation.ofDoubles(0.496, -0.006435048799632775, 0.10600000000000001,
                0.04045412544986271));
        Observation second = env.step(Action.of(-0.4f)).observation();
        assertThat(second.get(0)).isCloseTo(0.49587129902400734f, within(1e-6f));
        assertThat(second.get(1)).isCloseTo(-0.08592738384645347f, within(1e-6f));
        assertThat(second.get(2)).isCloseTo(0.10680908250899726f, within(1e-6f));
        assertThat(second.get(3)).isCloseTo(0.19012904610429793f, within(1e-6f));
    }

    @Test
    void fallingPastTwelveDegreesTerminatesWithoutSuccess() {
        CartPoleEnvironment env = new CartPoleEnvironment(CartPoleConfig.DEFAULTS);
        env.start(0, 0, 0.2, 0);
        StepResult r;
        int steps = 0;
        do {
            r = env.step(Action.zeros(1));
            steps++;
        } while (!r.done());
        assertThat(r.terminated()).isTrue();
        assertThat(r.truncated()).isFalse();
        assertThat(r.info().success()).isFalse();
        assertThat(r.info().progress()).isCloseTo(steps / 500.0, within(1e-12));
        assertThat(Math.abs(r.observation().get(2))).isGreaterThan((float) CartPoleEnvironment.ANGLE_LIMIT);
        assertThat(steps).isLessThan(20);
    }

    @Test
    void leavingTheTrackTerminatesWithoutSuccess() {
        CartPoleEnvironment env = new CartPoleEnvironment(CartPoleConfig.DEFAULTS);
        env.start(2.39, 1, 0, 0);
        StepResult r = env.step(Action.zeros(1));
        assertThat(r.terminated()).isTrue();
        assertThat(r.info().success()).isFalse();
    }

    @Test
    void survivingTheStepLimitIsSuccessOnlyAtTheLastStep() {
        CartPoleEnvironment env = new CartPoleEnvironment(new CartPoleConfig(30, 10, 1, 0.2, 0.05));
        Observation o = env.reset(3);
        for (int t = 1; t <= 30; t++) {
            StepResult r = env.step(env.expert().act(o, Action.zeros(1)));
            o = r.observation();
            assertThat(r.info().success()).as("step %d", t).isEqualTo(t == 30);
            assertThat(r.truncated()).isEqualTo(t == 30);
            assertThat(r.terminated()).isFalse();
            assertThat(r.reward()).isEqualTo(1.0);
            assertThat(r.info().progress()).isCloseTo(t / 30.0, within(1e-12));
        }
    }

    @Test
    void positiveForcePushesTheCartRightAndThePoleBack() {
        CartPoleEnvironment env = new CartPoleEnvironment(CartPoleConfig.DEFAULTS);
        env.start(0, 0, 0, 0);
        env.step(Action.of(1));
        Observation o = env.step(Action.zeros(1)).observation();
        assertThat(o.get(1)).isPositive();
        assertThat(o.get(3)).isNegative();
        assertThat(env.expert().act(Observation.of(0, 0, 0.1f, 0), Action.zeros(1)).get(0))
                .as("the expert pushes under a pole leaning right").isPositive();
    }

    @Test
    void actionsAreClippedAndScaledToTheMaximumForce() {
        CartPoleEnvironment a = new CartPoleEnvironment(CartPoleConfig.DEFAULTS);
        CartPoleEnvironment b = new CartPoleEnvironment(new CartPoleConfig(500, 5, 1, 0.2, 0.05));
        a.reset(2);
        b.reset(2);
        assertThat(a.step(Action.of(0.5f)).observation()).isEqualTo(b.step(Action.of(9)).observation());
    }

    @Test
    void valueIsMinusTheLqrCostToGo() {
        CartPoleEnvironment env = new CartPoleEnvironment(CartPoleConfig.DEFAULTS);
        env.start(0, 0, 0, 0);
        assertThat(env.value().getAsDouble()).isCloseTo(0.0, within(1e-12));
        env.start(0, 0, 0.1, 0);
        // P[θ][θ] ≈ 1810.95 from the Riccati iteration (scipy's solve_discrete_are gives 1810.947)
        assertThat(env.value().getAsDouble()).isCloseTo(-18.1095, within(1e-3));
        double small = value(env, 0.05);
        assertThat(value(env, 0.15)).isLessThan(small);
        assertThat(value(env, -0.15)).isLessThan(small);
    }

    private static double value(CartPoleEnvironment env, double theta) {
        env.start(0.3, 0, theta, 0);
        return env.value().getAsDouble();
    }

    @Test
    void snapshotThenStepThenRestoreThenStepReproducesTheObservation() {
        CartPoleEnvironment env = new CartPoleEnvironment(CartPoleConfig.DEFAULTS);
        env.reset(8);
        env.step(Action.of(0.3f));
        Snapshot saved = env.snapshot().orElseThrow();
        StepResult first = env.step(Action.of(-0.7f));
        env.step(Action.of(1));
        env.restore(saved);
        assertThat(env.step(Action.of(-0.7f))).isEqualTo(first);
    }

    @Test
    void restoringAFinishedEpisodeForbidsStepping() {
        CartPoleEnvironment env = new CartPoleEnvironment(CartPoleConfig.DEFAULTS);
        env.start(0, 0, 0.2, 0);
        StepResult r;
        do {
            r = env.step(Action.zeros(1));
        } while (!r.done());
        Snapshot over = env.snapshot().orElseThrow();
        env.reset(1);
        env.restore(over);
        assertThatThrownBy(() -> env.step(Action.zeros(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sceneDrawsTheCartOnTheTrackAndThePoleAtItsAngle() {
        CartPoleEnvironment env = new CartPoleEnvironment(CartPoleConfig.DEFAULTS);
        env.start(1.5, 0, 0.1, 0);
        Scene scene = env.scene();
        assertThat(scene.shapes()).filteredOn(s -> s instanceof Scene.Polygon p && p.tone() == Scene.Tone.AGENT)
                .singleElement().satisfies(s -> assertThat(((Scene.Polygon) s).points())
                        .extracting(Scene.Point::x).containsOnly(1.25, 1.75));
        assertThat(scene.shapes()).filteredOn(s -> s instanceof Scene.Segment g && g.tone() == Scene.Tone.AGENT)
                .singleElement().satisfies(s -> {
                    Scene.Segment pole = (Scene.Segment) s;
                    assertThat(pole.to().x() - pole.from().x()).isCloseTo(Math.sin(0.1), within(1e-12));
                });
    }
}
