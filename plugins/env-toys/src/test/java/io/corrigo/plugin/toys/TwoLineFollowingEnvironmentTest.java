package io.corrigo.plugin.toys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.corrigo.api.Action;
import io.corrigo.api.ConfigException;
import io.corrigo.api.Observation;
import io.corrigo.api.env.ActionGroup;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.env.Scene;
import io.corrigo.api.env.Scene.Tone;
import io.corrigo.api.env.Snapshot;
import io.corrigo.api.env.StepResult;
import io.corrigo.testkit.EnvironmentContract;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

@Epic("Environments")
@Feature("line-following-2")
class TwoLineFollowingEnvironmentTest implements EnvironmentContract<TwoLineFollowingConfig> {

    @Override
    public EnvironmentProvider<TwoLineFollowingConfig> provider() {
        return new TwoLineFollowingProvider();
    }

    private static TwoLineFollowingEnvironment create() {
        return new TwoLineFollowingEnvironment(TwoLineFollowingConfig.DEFAULTS);
    }

    /** Runs an episode in which the teacher's answer is passed through {@code edit}; last result and steps. */
    private static StepResult run(TwoLineFollowingEnvironment env, long seed, UnaryOperator<Action> edit, int[] steps) {
        Observation o = env.reset(seed);
        StepResult r = null;
        while (r == null || !r.done()) {
            r = env.step(edit.apply(env.expert().act(o, Action.zeros(4))));
            o = r.observation();
            steps[0]++;
        }
        return r;
    }

    @Test
    void expertBringsBothBallsToTheirEnds() {
        TwoLineFollowingEnvironment env = create();
        int solved = 0;
        int[] steps = {0};
        for (long seed = 0; seed < 1_000; seed++) {
            solved += run(env, seed, UnaryOperator.identity(), steps).info().success() ? 1 : 0;
        }
        System.out.printf("line-following-2 expert: %d/1000 solved, mean %.1f steps%n", solved, steps[0] / 1000.0);
        assertThat(solved).isGreaterThanOrEqualTo(950);
    }

    @Test
    void actionGroupsAreOneBallEach() {
        assertThat(create().actionGroups()).containsExactly(
                new ActionGroup("ball-1", List.of(0, 1)), new ActionGroup("ball-2", List.of(2, 3)));
    }

    @Test
    void theObservationHasSevenFeaturesPerBallAndTheSpacingError() {
        TwoLineFollowingEnvironment env = create();
        Observation o = env.reset(1);
        assertThat(o.size()).isEqualTo(15);
        assertThat(env.observationSpace().contains(o)).isTrue();
        for (int i = 0; i < 2; i++) {
            int k = 7 * i;
            assertThat(o.get(k) + o.get(k + 2)).as("(ball − end) + (start − ball) = start − end").isCloseTo(-2f,
                    within(1e-6f));
            assertThat(o.get(k + 4)).isEqualTo(2f);
            assertThat(o.get(k + 5)).isEqualTo(0f);
            assertThat(o.get(k + 6)).isBetween(0f, 5f / 30);
        }
        assertThat(o.get(1) - o.get(8)).as("line 2 lies 50 px above line 1").isCloseTo(0f, within(0.11f));
        assertThat(o.get(14)).as("spacing error at the start").isBetween(-0.1f, 0.1f);
    }

    @Test
    void bothBallsMustArrive() {
        TwoLineFollowingEnvironment env = create();
        int[] steps = {0};
        StepResult last = run(env, 2, a -> Action.of(a.get(0), a.get(1), 0, 0), steps);
        assertThat(last.truncated()).isTrue();
        assertThat(last.info().success()).isFalse();
        assertThat(last.info().progress()).isBetween(0.45, 0.55);
        assertThat(Math.hypot(last.observation().get(0), last.observation().get(1)) * 100)
                .as("ball 1 waits at its end").isLessThan(1.0);
    }

    @Test
    void eitherBallStrayingFails() {
        TwoLineFollowingEnvironment env = create();
        int[] steps = {0};
        StepResult last = run(env, 3, a -> Action.of(a.get(0), a.get(1), a.get(2), 1), steps);
        assertThat(last.terminated()).isTrue();
        assertThat(last.info().success()).isFalse();
        assertThat(last.observation().get(13)).isGreaterThan(1f);
        assertThat(last.observation().get(6)).isLessThan(0.2f);
        assertThat(steps[0]).isBetween(25, 36);
    }

    @Test
    void valueIsMinusTheSummedRemainingPaths() {
        TwoLineFollowingEnvironment env = create();
        Observation o = env.reset(4);
        double expected = 0;
        for (int i = 0; i < 2; i++) {
            double x = o.get(7 * i) * 100.0 + 300;
            double y = o.get(7 * i + 1) * 100.0 + (i == 0 ? 275 : 325);
            double nearestX = Math.max(100, Math.min(300, x));
            expected += Math.hypot(x - nearestX, y - (i == 0 ? 275 : 325)) + (300 - nearestX);
        }
        assertThat(env.value().orElseThrow()).isCloseTo(-expected, within(1e-3));
    }

    @Test
    void restoringASnapshotReproducesTheRestOfTheEpisode() {
        TwoLineFollowingEnvironment env = create();
        Observation o = env.reset(5);
        for (int t = 0; t < 150; t++) {
            o = env.step(env.expert().act(o, Action.zeros(4)).times(t % 2 == 0 ? 1.5 : 0.8)).observation();
        }
        Snapshot saved = env.snapshot().orElseThrow();
        List<String> first = runExpert(env, o);
        env.restore(saved);
        assertThat(runExpert(env, o)).isEqualTo(first);
        assertThat(first.get(first.size() - 1)).contains("success=true");
    }

    private static List<String> runExpert(TwoLineFollowingEnvironment env, Observation from) {
        List<String> seen = new ArrayList<>();
        Observation o = from;
        StepResult r = null;
        while (r == null || !r.done()) {
            r = env.step(env.expert().act(o, Action.zeros(4)));
            o = r.observation();
            seen.add(o + " " + r.reward() + " " + r.terminated() + " " + r.truncated() + " " + r.info() + env.value());
        }
        return seen;
    }

    @Test
    void theSceneDrawsBothLinesAndBalls() {
        TwoLineFollowingEnvironment env = create();
        env.reset(6);
        Scene scene = env.scene();
        assertThat(scene.shapes()).filteredOn(s -> s.tone() == Tone.AGENT).hasSize(2);
        assertThat(scene.shapes()).filteredOn(s -> s.tone() == Tone.GOAL).hasSize(2);
        assertThat(scene.actionFrame()).isPresent();
        assertThat(scene.minY()).isLessThan(275);
        assertThat(scene.maxY()).isGreaterThan(325);
    }

    @Test
    void rejectsASpacingThatPutsTheSecondLineOffTheScreen() {
        assertThatThrownBy(() -> new TwoLineFollowingConfig(100, 550, 300, 550, 50, 400, 1, 5, 0.5, 10))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field).containsExactly("lineSpacing"));
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        assertThatThrownBy(() -> new TwoLineFollowingConfig(100, 275, 300, 275, 0, 100, 1, -1, 0, 10))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field)
                        .containsExactly("lineSpacing", "startSpread", "teacherSpeed"));
    }

    @Test
    void providerReturnsTwoParallelShortenedLines() {
        TwoLineFollowingConfig defaults = new TwoLineFollowingProvider().defaultConfig();
        assertThat(defaults).isEqualTo(new TwoLineFollowingConfig(100, 275, 300, 275, 50, 400, 1, 5, 0.5, 10));
        assertThat(defaults.secondLine()).isEqualTo(new PixelLine(100, 325, 300, 325));
    }
}
