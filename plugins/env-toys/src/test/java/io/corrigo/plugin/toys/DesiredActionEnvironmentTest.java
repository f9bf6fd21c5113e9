package io.corrigo.plugin.toys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.Action;
import io.corrigo.api.ConfigException;
import io.corrigo.api.Observation;
import io.corrigo.api.env.Scene;
import io.corrigo.api.env.Scene.ActionFrame;
import io.corrigo.api.env.Scene.Point;
import io.corrigo.api.env.Snapshot;
import io.corrigo.api.env.StepResult;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the three desired-action toys share: states, rewards, the in-set success rule, snapshots. */
@Epic("Environments")
@Feature("toy-ball")
class DesiredActionEnvironmentTest {

    private static final Action INSIDE = Action.of(0.1f, -0.1f);
    private static final Action OUTSIDE = Action.of(0.9f, 0.9f);

    private static DesiredActionEnvironment ball(int maxSteps) {
        return new DesiredActionEnvironment(new DesiredActionConfig(maxSteps, 0.9),
                new DesiredActionSet.Ball(0.4, 0.15));
    }

    @Test
    void theObservationIsATenthOfAOneHotIndexThatAdvancesEveryStep() {
        DesiredActionEnvironment env = ball(100);
        Observation o = env.reset(3);
        int first = hot(o);
        for (int t = 1; t <= 25; t++) {
            o = env.step(INSIDE).observation();
            assertThat(hot(o)).isEqualTo((first + t) % 10);
            assertThat(o.toArray()).containsOnly(0f, 0.1f);
            assertThat(env.observationSpace().contains(o)).isTrue();
        }
    }

    @Test
    void theResetSeedDrawsTheFirstState() {
        DesiredActionEnvironment env = ball(100);
        boolean[] seen = new boolean[10];
        for (long seed = 0; seed < 200; seed++) {
            seen[hot(env.reset(seed))] = true;
        }
        assertThat(seen).containsOnly(true);
    }

    @Test
    void rewardIsPlusOneInsideTheSetAndMinusOneOutsideAfterClipping() {
        DesiredActionEnvironment env = ball(100);
        env.reset(1);
        assertThat(env.step(INSIDE).reward()).isEqualTo(1.0);
        assertThat(env.step(OUTSIDE).reward()).isEqualTo(-1.0);
        assertThat(env.step(Action.of(0.39f, 0)).reward()).isEqualTo(1.0);
        assertThat(env.step(Action.of(5, 0)).reward()).as("clipped to (1, 0)").isEqualTo(-1.0);
    }

    @Test
    void successNeedsTheInSetRateAtTheLastStepAndEpisodesAreOnlyTruncated() {
        assertThat(runWithInSetCount(90).info().success()).isTrue();
        StepResult failed = runWithInSetCount(89);
        assertThat(failed.info().success()).isFalse();
        assertThat(failed.info().progress()).isEqualTo(0.89);
        assertThat(failed.truncated()).isTrue();
        assertThat(failed.terminated()).isFalse();
    }

    /** A 100-step episode with {@code inSet} desired actions first; the last result. */
    private static StepResult runWithInSetCount(int inSet) {
        DesiredActionEnvironment env = ball(100);
        env.reset(9);
        StepResult r = null;
        for (int t = 0; t < 100; t++) {
            r = env.step(t < inSet ? INSIDE : OUTSIDE);
            assertThat(r.terminated()).isFalse();
            assertThat(r.truncated()).isEqualTo(t == 99);
            assertThat(r.info().success()).isEqualTo(t == 99 && inSet >= 90);
            assertThat(r.info().progress()).isEqualTo((double) Math.min(t + 1, inSet) / (t + 1));
        }
        return r;
    }

    @Test
    void valueIsTheReturnSoFarOverTheEpisodeLength() {
        DesiredActionEnvironment env = ball(10);
        env.reset(2);
        assertThat(env.value()).hasValue(0.0);
        env.step(INSIDE);
        env.step(INSIDE);
        env.step(OUTSIDE);
        assertThat(env.value()).hasValue(0.1);
    }

    @Test
    void restoringASnapshotReproducesStatesRewardsAndTeacherLabels() {
        DesiredActionEnvironment env = ball(100);
        env.reset(4);
        for (int t = 0; t < 17; t++) {
            env.step(t % 3 == 0 ? OUTSIDE : INSIDE);
        }
        Snapshot saved = env.snapshot().orElseThrow();
        List<String> first = continueEpisode(env);
        env.restore(saved);
        assertThat(continueEpisode(env)).isEqualTo(first);
        assertThat(first).hasSize(83);
    }

    /** Runs the episode to its end under teacher answers to far-off proposals; what was seen. */
    private static List<String> continueEpisode(DesiredActionEnvironment env) {
        List<String> seen = new ArrayList<>();
        StepResult r = null;
        Observation o = null;
        while (r == null || !r.done()) {
            Action label = env.expert().act(o == null ? Observation.of(new float[10]) : o, OUTSIDE);
            r = env.step(label);
            o = r.observation();
            seen.add(label + " " + o + " " + r.reward() + " " + r.info() + " " + env.value());
        }
        return seen;
    }

    @Test
    void restoringAForeignSnapshotFails() {
        DesiredActionEnvironment env = ball(100);
        DesiredActionEnvironment other = ball(100);
        env.reset(1);
        other.reset(1);
        Snapshot foreign = other.snapshot().orElseThrow();
        assertThatThrownBy(() -> env.restore(foreign)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSceneDrawsTheActionPlaneWithTheSetAndActionsAtScaleOne() {
        DesiredActionEnvironment env = ball(100);
        env.reset(1);
        env.step(INSIDE);
        Scene scene = env.scene();
        assertThat(scene.actionFrame()).contains(new ActionFrame(new Point(0, 0), 1, 0, 1));
        assertThat(scene.minX()).isLessThan(-1);
        assertThat(scene.maxY()).isGreaterThan(1);
        assertThat(scene.shapes()).anySatisfy(s -> assertThat(s.tone()).isEqualTo(Scene.Tone.TARGET));
        assertThat(scene.shapes()).anySatisfy(s -> assertThat(s.tone()).isEqualTo(Scene.Tone.AGENT));
    }

    @Test
    void askingTheTeacherBeforeAResetFails() {
        DesiredActionEnvironment env = ball(100);
        assertThatThrownBy(() -> env.expert().act(Observation.of(new float[10]), OUTSIDE))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        assertThatThrownBy(() -> new DesiredActionConfig(0, 1.5))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field)
                        .containsExactly("maxSteps", "successInSetRate"));
    }

    @Test
    void providersShareTheCpuSizedDefaults() {
        assertThat(new ToyBallProvider().defaultConfig()).isEqualTo(new DesiredActionConfig(100, 0.9));
        assertThat(new ToySquareProvider().defaultConfig()).isEqualTo(DesiredActionConfig.DEFAULTS);
        assertThat(new ToyTwoCirclesProvider().defaultConfig().episode()).isEqualTo(DesiredActionConfig.DEFAULTS);
        assertThat(new ToyTwoCirclesProvider().defaultConfig().teacherDisc()).isEqualTo(TwoCirclesConfig.TeacherDisc.NEARER);
    }

    private static int hot(Observation o) {
        int index = -1;
        for (int i = 0; i < o.size(); i++) {
            if (o.get(i) != 0) {
                assertThat(index).as("one hot component in %s", o).isEqualTo(-1);
                index = i;
            }
        }
        return index;
    }
}
