package io.corrigo.plugin.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.env.Scene;
import io.corrigo.api.env.Snapshot;
import io.corrigo.api.env.StepResult;
import io.corrigo.plugin.classic.ReacherConfig.ExpertMode;
import io.corrigo.plugin.classic.TwoLinkArm.Elbow;
import io.corrigo.plugin.classic.TwoLinkArm.Joints;
import io.corrigo.testkit.EnvironmentContract;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Environments")
@Feature("reacher")
class ReacherEnvironmentTest implements EnvironmentContract<ReacherConfig> {

    @Override
    public EnvironmentProvider<ReacherConfig> provider() {
        return new ReacherProvider();
    }

    /** Runs the expert to the end of the episode; the last step. */
    private static StepResult expertEpisode(ReacherEnvironment env, Observation start) {
        Observation o = start;
        Action previous = Action.zeros(2);
        StepResult r = null;
        while (r == null || !r.done()) {
            previous = env.expert().act(o, previous);
            r = env.step(previous);
            o = r.observation();
        }
        return r;
    }

    private static double distance(Observation o) {
        return Math.hypot(o.get(6), o.get(7));
    }

    @Test
    void expertReachesEveryTargetToWithinAMicrometreInEachMode() {
        for (ExpertMode mode : ExpertMode.values()) {
            ReacherEnvironment env = new ReacherEnvironment(TIGHT.withExpertMode(mode));
            double worst = 0;
            int solved = 0;
            for (long seed = 0; seed < 200; seed++) {
                StepResult last = expertEpisode(env, env.reset(seed));
                solved += last.info().success() ? 1 : 0;
                worst = Math.max(worst, -env.value().getAsDouble());
            }
            System.out.printf("reacher expert (%s, tolerance 1e-6): %d/200, worst final error %.2e%n",
                    mode, solved, worst);
            assertThat(solved).as("mode %s", mode).isEqualTo(200);
            assertThat(worst).isLessThan(1e-6);
        }
    }

    /** A tolerance tight enough that the arm ends in its goal configuration, not passing by on its way. */
    private static final ReacherConfig TIGHT = new ReacherConfig(50, 3, 1e-6, 0.03, 0.2, ExpertMode.NEAREST);

    @Test
    void fixedModesReachTheTargetWithTheirElbow() {
        ReacherEnvironment up = new ReacherEnvironment(TIGHT.withExpertMode(ExpertMode.ELBOW_UP));
        ReacherEnvironment down = new ReacherEnvironment(TIGHT.withExpertMode(ExpertMode.ELBOW_DOWN));
        for (long seed = 0; seed < 200; seed++) {
            assertThat(expertEpisode(up, up.reset(seed)).info().success()).isTrue();
            assertThat(up.elbowSign()).as("seed %d elbow up", seed).isEqualTo(-1);
            assertThat(expertEpisode(down, down.reset(seed)).info().success()).isTrue();
            assertThat(down.elbowSign()).as("seed %d elbow down", seed).isEqualTo(1);
        }
    }

    @Test
    void randomModeDrawsTheElbowPerEpisodeAndReportsItAsTheMode() {
        ReacherEnvironment env = new ReacherEnvironment(TIGHT.withExpertMode(ExpertMode.RANDOM));
        int up = 0;
        for (long seed = 0; seed < 400; seed++) {
            StepResult last = expertEpisode(env, env.reset(seed));
            assertThat(last.info().success()).as("seed %d", seed).isTrue();
            assertThat(last.info().mode()).isEqualTo(env.elbowSign() < 0 ? "elbow-up" : "elbow-down");
            up += env.elbowSign() < 0 ? 1 : 0;
        }
        assertThat(up).as("episodes ending elbow up, of 400").isBetween(170, 230);
    }

    @Test
    void nearestModeKeepsTheElbowTheArmStartsNear() {
        ReacherEnvironment env = new ReacherEnvironment(TIGHT);
        int up = 0;
        for (long seed = 0; seed < 1_000; seed++) {
            Observation o = env.reset(seed);
            double x = o.get(4);
            double y = o.get(5);
            Joints q = new Joints(Math.atan2(o.get(1), o.get(0)), Math.atan2(o.get(3), o.get(2)));
            int expected = q.distanceTo(TwoLinkArm.inverse(x, y, Elbow.UP))
                    <= q.distanceTo(TwoLinkArm.inverse(x, y, Elbow.DOWN)) ? -1 : 1;
            assertThat(expertEpisode(env, o).info().success()).isTrue();
            assertThat(env.elbowSign()).as("seed %d", seed).isEqualTo(expected);
            up += expected < 0 ? 1 : 0;
        }
        assertThat(up).as("both modes occur").isBetween(300, 700);
    }

    @Test
    void nearestModeDrivesToTheSolutionReachedSoonest() {
        ReacherEnvironment nearest = new ReacherEnvironment(ReacherConfig.DEFAULTS);
        ReacherEnvironment up = new ReacherEnvironment(ReacherConfig.DEFAULTS.withExpertMode(ExpertMode.ELBOW_UP));
        ReacherEnvironment down = new ReacherEnvironment(ReacherConfig.DEFAULTS.withExpertMode(ExpertMode.ELBOW_DOWN));
        Joints upGoal = TwoLinkArm.inverse(0.15, 0, Elbow.UP);
        Joints downGoal = TwoLinkArm.inverse(0.15, 0, Elbow.DOWN);
        Observation nearUp = nearest.start(new Joints(upGoal.shoulder() + 0.3, upGoal.elbow() - 0.2), 0.15, 0);
        assertThat(nearest.expert().act(nearUp, Action.zeros(2))).isEqualTo(up.expert().act(nearUp, Action.zeros(2)));
        Observation nearDown = nearest.start(new Joints(downGoal.shoulder() - 0.3, downGoal.elbow() + 0.2), 0.15, 0);
        assertThat(nearest.expert().act(nearDown, Action.zeros(2)))
                .isEqualTo(down.expert().act(nearDown, Action.zeros(2)))
                .isNotEqualTo(up.expert().act(nearDown, Action.zeros(2)));
    }

    @Test
    void expertCommandIsTheClippedProportionalJointError() {
        ReacherEnvironment env = new ReacherEnvironment(ReacherConfig.DEFAULTS.withExpertMode(ExpertMode.ELBOW_DOWN));
        Joints goal = TwoLinkArm.inverse(0.12, 0.05, Elbow.DOWN);
        Observation o = env.start(new Joints(goal.shoulder() - 0.1, goal.elbow() + 2), 0.12, 0.05);
        // ω1 = 10·0.1 = 1 rad/s = 1/3 of full speed; ω2 = clip(10·(−2), ±3) = −3 rad/s
        Action a = env.expert().act(o, Action.zeros(2));
        assertThat(a.get(0)).isCloseTo(1 / 3f, within(1e-4f));
        assertThat(a.get(1)).isEqualTo(-1f);
    }

    @Test
    void fullActionTurnsEachJointByAFifthOfAThirdOfARadian() {
        ReacherEnvironment env = new ReacherEnvironment(ReacherConfig.DEFAULTS);
        env.start(new Joints(0.2, -0.4), 0.1, 0.1);
        Observation o = env.step(Action.of(4, -1)).observation();
        assertThat(Math.atan2(o.get(1), o.get(0))).isCloseTo(0.35, within(1e-6));
        assertThat(Math.atan2(o.get(3), o.get(2))).isCloseTo(-0.55, within(1e-6));
    }

    @Test
    void observationHoldsTheTargetAndTheFingertipOffset() {
        ReacherEnvironment env = new ReacherEnvironment(ReacherConfig.DEFAULTS);
        Joints q = new Joints(0.7, 1.1);
        Observation o = env.start(q, -0.05, 0.12);
        assertThat(o.get(4)).isEqualTo(-0.05f);
        assertThat(o.get(5)).isEqualTo(0.12f);
        assertThat(o.get(6)).isCloseTo((float) (TwoLinkArm.tipX(q) + 0.05), within(1e-7f));
        assertThat(o.get(7)).isCloseTo((float) (TwoLinkArm.tipY(q) - 0.12), within(1e-7f));
        assertThat(env.value().getAsDouble()).isCloseTo(-distance(o), within(1e-7));
        assertThat(env.observationSpace().contains(o)).isTrue();
    }

    @Test
    void reachingTheTargetTerminatesWithSuccessAndFullProgress() {
        ReacherEnvironment env = new ReacherEnvironment(ReacherConfig.DEFAULTS);
        StepResult last = expertEpisode(env, env.reset(5));
        assertThat(last.terminated()).isTrue();
        assertThat(last.truncated()).isFalse();
        assertThat(last.info().success()).isTrue();
        assertThat(last.info().progress()).isEqualTo(1.0);
        assertThat(distance(last.observation())).isLessThan(0.01);
    }

    @Test
    void standingStillIsTruncatedAfterFiftyStepsWithoutSuccess() {
        ReacherEnvironment env = new ReacherEnvironment(ReacherConfig.DEFAULTS);
        Observation start = env.start(new Joints(0, 0), 0, 0.15);
        StepResult r = null;
        for (int t = 0; t < 50; t++) {
            assertThat(r == null || !r.done()).isTrue();
            r = env.step(Action.zeros(2));
            assertThat(r.reward()).isCloseTo(-distance(start), within(1e-6));
        }
        assertThat(r.truncated()).isTrue();
        assertThat(r.terminated()).isFalse();
        assertThat(r.info().success()).isFalse();
        assertThat(r.info().progress()).isEqualTo(0.0);
    }

    @Test
    void snapshotThenStepThenRestoreThenStepReproducesTheObservation() {
        ReacherEnvironment env = new ReacherEnvironment(ReacherConfig.DEFAULTS);
        env.reset(8);
        env.step(Action.of(0.3f, -0.2f));
        Snapshot saved = env.snapshot().orElseThrow();
        StepResult first = env.step(Action.of(-0.7f, 0.9f));
        env.step(Action.of(1, 1));
        env.restore(saved);
        assertThat(env.step(Action.of(-0.7f, 0.9f))).isEqualTo(first);
    }

    @Test
    void sceneDrawsBothLinksEndingAtTheFingertipAndTheTargetCircle() {
        ReacherEnvironment env = new ReacherEnvironment(ReacherConfig.DEFAULTS);
        Joints q = new Joints(-0.3, 0.8);
        env.start(q, 0.1, -0.1);
        Scene scene = env.scene();
        assertThat(scene.shapes()).filteredOn(Scene.Segment.class::isInstance).hasSize(2).last()
                .satisfies(s -> assertThat(((Scene.Segment) s).to())
                        .isEqualTo(new Scene.Point(TwoLinkArm.tipX(q), TwoLinkArm.tipY(q))));
        assertThat(scene.shapes()).filteredOn(s -> s.tone() == Scene.Tone.TARGET).singleElement()
                .isEqualTo(new Scene.Circle(new Scene.Point(0.1, -0.1), 0.01, Scene.Tone.TARGET, false));
    }
}
