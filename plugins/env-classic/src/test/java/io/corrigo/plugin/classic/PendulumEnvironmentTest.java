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
@Feature("pendulum")
class PendulumEnvironmentTest implements EnvironmentContract<PendulumConfig> {

    /** Starts exactly upright at rest. */
    private static final PendulumConfig UPRIGHT = new PendulumConfig(200, 2, 0, 0, 0.1, 50);

    @Override
    public EnvironmentProvider<PendulumConfig> provider() {
        return new PendulumProvider();
    }

    @Test
    void expertSwingsUpFromTwoHundredRandomStartsWithAMeanReturnNearMinus152() {
        PendulumEnvironment env = new PendulumEnvironment(PendulumConfig.DEFAULTS);
        int solved = 0;
        double totalReturn = 0;
        for (long seed = 0; seed < 200; seed++) {
            Observation o = env.reset(seed);
            boolean success = false;
            StepResult r = null;
            while (r == null || !r.done()) {
                r = env.step(env.expert().act(o, Action.zeros(1)));
                o = r.observation();
                totalReturn += r.reward();
                success |= r.info().success();
            }
            solved += success && r.info().success() ? 1 : 0;
        }
        double meanReturn = totalReturn / 200;
        System.out.printf("pendulum expert: %d/200 upright for the last 50 steps, mean return %.2f%n",
                solved, meanReturn);
        assertThat(solved).isEqualTo(200);
        assertThat(meanReturn).isBetween(-170.0, -135.0);
    }

    @Test
    void oneStepFollowsGymPendulumDynamicsAndCost() {
        PendulumEnvironment env = new PendulumEnvironment(UPRIGHT);
        env.reset(1);
        StepResult r = env.step(Action.of(1));
        // θ̇ = 0 + (15 sin 0 + 3·2)·0.05 = 0.3, θ = 0.3·0.05 = 0.015, cost 0.001·2² of the state before
        assertThat(r.observation().get(2)).isCloseTo(0.3f, within(1e-6f));
        assertThat(r.observation().get(0)).isCloseTo((float) Math.cos(0.015), within(1e-6f));
        assertThat(r.observation().get(1)).isCloseTo((float) Math.sin(0.015), within(1e-6f));
        assertThat(r.reward()).isCloseTo(-0.004, within(1e-12));
        StepResult next = env.step(Action.zeros(1));
        double speed = 0.3 + 15 * Math.sin(0.015) * 0.05;
        assertThat(next.observation().get(2)).isCloseTo((float) speed, within(1e-6f));
        assertThat(next.reward()).isCloseTo(-(0.015 * 0.015 + 0.1 * 0.3 * 0.3), within(1e-9));
    }

    @Test
    void actionsAreClippedAndScaledToTheMaximumTorque() {
        PendulumEnvironment a = new PendulumEnvironment(UPRIGHT);
        PendulumEnvironment b = new PendulumEnvironment(UPRIGHT);
        a.reset(1);
        b.reset(1);
        assertThat(a.step(Action.of(7)).observation()).isEqualTo(b.step(Action.of(1)).observation());
        assertThat(a.step(Action.of(-3)).observation()).isEqualTo(b.step(Action.of(-1)).observation());
    }

    @Test
    void angularSpeedIsClippedAtEight() {
        PendulumEnvironment env = new PendulumEnvironment(UPRIGHT);
        env.reset(1);
        float fastest = 0;
        for (int t = 0; t < 60; t++) {
            float speed = Math.abs(env.step(Action.of(1)).observation().get(2));
            assertThat(speed).isLessThanOrEqualTo(8f);
            fastest = Math.max(fastest, speed);
        }
        assertThat(fastest).isEqualTo(8f);
    }

    @Test
    void successNeedsFiftyConsecutiveUprightSteps() {
        PendulumEnvironment env = new PendulumEnvironment(UPRIGHT);
        env.reset(1);
        for (int t = 1; t < 50; t++) {
            StepResult r = env.step(Action.zeros(1));
            assertThat(r.info().success()).as("step %d", t).isFalse();
            assertThat(r.info().progress()).isLessThan(1.0);
        }
        StepResult fiftieth = env.step(Action.zeros(1));
        assertThat(fiftieth.info().success()).isTrue();
        assertThat(fiftieth.info().progress()).isEqualTo(1.0);
        assertThat(fiftieth.terminated()).isFalse();
    }

    @Test
    void leavingTheUprightBandRestartsTheCount() {
        PendulumEnvironment env = new PendulumEnvironment(UPRIGHT);
        env.reset(1);
        StepResult r = null;
        for (int t = 0; t < 50; t++) {
            r = env.step(Action.zeros(1));
        }
        assertThat(r.info().success()).isTrue();
        while (Math.abs(angle(r.observation())) < 0.1) {
            r = env.step(Action.of(1));
        }
        assertThat(r.info().success()).isFalse();
        assertThat(r.info().progress()).isLessThan(0.5);
    }

    @Test
    void episodesNeverTerminateAndAreTruncatedAtTwoHundredSteps() {
        PendulumEnvironment env = new PendulumEnvironment(PendulumConfig.DEFAULTS);
        env.reset(3);
        StepResult r = null;
        for (int t = 0; t < 200; t++) {
            assertThat(r == null || !r.done()).isTrue();
            r = env.step(Action.of(t % 2 == 0 ? 1 : -1));
            assertThat(r.terminated()).isFalse();
        }
        assertThat(r.truncated()).isTrue();
        assertThatThrownBy(() -> env.step(Action.zeros(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void valueIsMinusTheEnergyGapToRestAtTheTop() {
        PendulumEnvironment env = new PendulumEnvironment(UPRIGHT);
        env.reset(1);
        assertThat(env.value().getAsDouble()).isCloseTo(0.0, within(1e-12));
        PendulumEnvironment hanging = new PendulumEnvironment(new PendulumConfig(200, 2, Math.PI, 0, 0.1, 50));
        double lowest = 0;
        for (long seed = 0; seed < 20; seed++) {
            Observation o = hanging.reset(seed);
            double expected = -(5 - 5 * o.get(0));
            assertThat(hanging.value().getAsDouble()).isCloseTo(expected, within(1e-6));
            lowest = Math.min(lowest, expected);
        }
        assertThat(lowest).as("some start hangs well below the top").isLessThan(-5.0);
    }

    @Test
    void snapshotThenStepThenRestoreThenStepReproducesTheObservation() {
        PendulumEnvironment env = new PendulumEnvironment(PendulumConfig.DEFAULTS);
        env.reset(8);
        env.step(Action.of(0.3f));
        Snapshot saved = env.snapshot().orElseThrow();
        StepResult first = env.step(Action.of(-0.7f));
        env.step(Action.of(1));
        env.restore(saved);
        assertThat(env.step(Action.of(-0.7f))).isEqualTo(first);
    }

    @Test
    void restoreRejectsASnapshotOfAnotherInstance() {
        PendulumEnvironment other = new PendulumEnvironment(PendulumConfig.DEFAULTS);
        other.reset(1);
        PendulumEnvironment env = new PendulumEnvironment(PendulumConfig.DEFAULTS);
        assertThatThrownBy(() -> env.restore(other.snapshot().orElseThrow()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sceneDrawsTheRodFromThePivotToTheBob() {
        PendulumEnvironment env = new PendulumEnvironment(PendulumConfig.DEFAULTS);
        Observation o = env.reset(4);
        Scene scene = env.scene();
        assertThat(scene.shapes()).filteredOn(Scene.Segment.class::isInstance).singleElement()
                .satisfies(s -> {
                    Scene.Segment rod = (Scene.Segment) s;
                    assertThat(rod.from()).isEqualTo(new Scene.Point(0, 0));
                    assertThat(rod.to().x()).isCloseTo(-o.get(1), within(1e-6));
                    assertThat(rod.to().y()).isCloseTo(o.get(0), within(1e-6));
                });
        assertThat(scene.actionFrame()).isEmpty();
    }

    @Test
    void expertUsesOnlyTheObservationAndReturnsNormalisedTorque() {
        PendulumEnvironment env = new PendulumEnvironment(PendulumConfig.DEFAULTS);
        env.reset(0);
        // in the catch region: −(10·0.1 + 2·0.5) = −2 N·m, i.e. −1
        Observation nearTop = Observation.ofDoubles(Math.cos(0.1), Math.sin(0.1), 0.5);
        assertThat(env.expert().act(nearTop, Action.zeros(1)).get(0)).isCloseTo(-1f, within(1e-5f));
        // hanging still: full positive torque
        Observation hanging = Observation.of(-1, 0, 0);
        assertThat(env.expert().act(hanging, Action.zeros(1))).isEqualTo(Action.of(1));
        // hanging, swinging with negative speed and too little energy: push along the motion
        Observation swinging = Observation.of(-1, 0, -2);
        assertThat(env.expert().act(swinging, Action.zeros(1))).isEqualTo(Action.of(-1));
    }

    private static double angle(Observation o) {
        return Math.atan2(o.get(1), o.get(0));
    }
}
