package io.corrigo.plugin.toys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.corrigo.api.Action;
import io.corrigo.api.ConfigException;
import io.corrigo.api.Observation;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.env.Scene;
import io.corrigo.api.env.Scene.Circle;
import io.corrigo.api.env.Scene.Point;
import io.corrigo.api.env.Snapshot;
import io.corrigo.api.env.StepResult;
import io.corrigo.testkit.EnvironmentContract;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@Epic("Environments")
@Feature("line-following")
class LineFollowingEnvironmentTest implements EnvironmentContract<LineFollowingConfig> {

    /** The repository's line and episode length. */
    private static final LineFollowingConfig REPOSITORY =
            new LineFollowingConfig(100, 300, 480, 300, 1000, 1, 5, 0.5, 10);

    @Override
    public EnvironmentProvider<LineFollowingConfig> provider() {
        return new LineFollowingProvider();
    }

    /** What the expert did in one episode. */
    private record Episode(int steps, StepResult last, double worstDistanceToLine) {
    }

    private static Episode expertEpisode(LineFollowingEnvironment env, long seed) {
        Observation o = env.reset(seed);
        StepResult r = null;
        int steps = 0;
        double worst = 0;
        while (r == null || !r.done()) {
            Action a = env.expert().act(o, Action.zeros(2));
            assertThat(env.actionSpace().contains(a)).isTrue();
            assertThat(a.norm()).isCloseTo(0.5, within(1e-6));
            r = env.step(a);
            o = r.observation();
            steps++;
            worst = Math.max(worst, o.get(4) * 30.0);
        }
        return new Episode(steps, r, worst);
    }

    @Test
    void expertReachesTheEndOfTheShortenedAndTheRepositorysLine() {
        for (LineFollowingConfig config : List.of(LineFollowingConfig.DEFAULTS, REPOSITORY)) {
            LineFollowingEnvironment env = new LineFollowingEnvironment(config);
            int solved = 0;
            long totalSteps = 0;
            int maxSteps = 0;
            double worst = 0;
            long started = System.nanoTime();
            for (long seed = 0; seed < 1_000; seed++) {
                Episode e = expertEpisode(env, seed);
                solved += e.last().info().success() ? 1 : 0;
                totalSteps += e.steps();
                maxSteps = Math.max(maxSteps, e.steps());
                worst = Math.max(worst, e.worstDistanceToLine());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("line-following %.0f px, %d-step limit: expert %d/1000 solved, mean %.1f steps"
                    + " (max %d), at most %.2f px off the line, %.0f steps/s%n", config.line().length(),
                    config.maxSteps(), solved, totalSteps / 1000.0, maxSteps, worst, totalSteps / seconds);
            assertThat(solved).isGreaterThanOrEqualTo(950);
            assertThat(maxSteps).isLessThanOrEqualTo(config.maxSteps());
        }
    }

    @Test
    void theObservationIsTheOffsetToTheEndTheLineAndTheDistanceToIt() {
        LineFollowingEnvironment env = new LineFollowingEnvironment(LineFollowingConfig.DEFAULTS);
        env.reset(1);
        Observation o = env.step(Action.of(0, 1)).observation();
        for (int t = 0; t < 9; t++) {
            o = env.step(Action.of(0, 1)).observation();
        }
        double x = o.get(0) * 100 + 300;
        double y = o.get(1) * 100 + 300;
        assertThat(o.size()).isEqualTo(5);
        assertThat(o.get(2)).isEqualTo(-2f);
        assertThat(o.get(3)).isEqualTo(0f);
        assertThat((double) o.get(4)).isCloseTo(Math.abs(y - 300) / 30, within(1e-6));
        assertThat(x).isBetween(95.0, 105.0);
    }

    @Test
    void strayingMoreThanThirtyPixelsFromTheLineFails() {
        LineFollowingEnvironment env = new LineFollowingEnvironment(LineFollowingConfig.DEFAULTS);
        env.reset(2);
        StepResult r;
        int steps = 0;
        do {
            r = env.step(Action.of(0.2f, -1));
            steps++;
        } while (!r.done());
        assertThat(r.terminated()).isTrue();
        assertThat(r.info().success()).isFalse();
        assertThat(r.observation().get(4)).isGreaterThan(1f);
        assertThat(r.reward()).isLessThan(-1.0);
        assertThat(steps).isBetween(25, 36);
    }

    @Test
    void reachingTheEndTerminatesWithSuccessAndFullProgress() {
        LineFollowingEnvironment env = new LineFollowingEnvironment(LineFollowingConfig.DEFAULTS);
        StepResult last = expertEpisode(env, 3).last();
        assertThat(last.terminated()).isTrue();
        assertThat(last.info().success()).isTrue();
        assertThat(last.info().progress()).isEqualTo(1.0);
        assertThat(Math.hypot(last.observation().get(0), last.observation().get(1)) * 100).isLessThan(15.0);
        assertThat(env.value().orElseThrow()).isBetween(-15.0, 0.0);
    }

    @Test
    void waitingOutTheStepLimitTruncatesWithoutSuccess() {
        LineFollowingEnvironment env = new LineFollowingEnvironment(LineFollowingConfig.DEFAULTS);
        env.reset(4);
        StepResult r = null;
        for (int t = 0; t < 400; t++) {
            assertThat(r == null || !r.done()).isTrue();
            r = env.step(Action.zeros(2));
        }
        assertThat(r.truncated()).isTrue();
        assertThat(r.terminated()).isFalse();
        assertThat(r.info().success()).isFalse();
    }

    @Test
    void actionsAreClippedThenScaledToPixels() {
        LineFollowingConfig fast = new LineFollowingConfig(100, 300, 300, 300, 400, 2, 0, 0.5, 10);
        LineFollowingEnvironment env = new LineFollowingEnvironment(fast);
        Observation start = env.reset(1);
        Observation after = env.step(Action.of(5, -0.25f)).observation();
        assertThat((after.get(0) - start.get(0)) * 100.0).isCloseTo(2.0, within(1e-4));
        assertThat((after.get(1) - start.get(1)) * 100.0).isCloseTo(-0.5, within(1e-4));
    }

    @Test
    void theTeacherHeadsBackToTheLineAndValueCountsTheRemainingPath() {
        LineFollowingEnvironment env = new LineFollowingEnvironment(LineFollowingConfig.DEFAULTS);
        env.reset(5);
        Observation o = null;
        for (int t = 0; t < 20; t++) {
            o = env.step(Action.of(0, 1)).observation();
        }
        double offLine = o.get(4) * 30.0;
        double alongToGo = -o.get(0) * 100.0;
        assertThat(offLine).isGreaterThan(14.0);
        assertThat(env.value().orElseThrow()).isCloseTo(-(offLine + alongToGo), within(1e-3));
        // farther than the look-ahead radius the circle misses the line: straight to its nearest point
        Action back = env.expert().act(o, Action.zeros(2));
        assertThat(back.get(1)).as("towards the line below").isCloseTo(-0.5f, within(1e-6f));
        assertThat(back.get(0)).isCloseTo(0f, within(1e-6f));
        while (o.get(4) * 30.0 > 9) {
            o = env.step(env.expert().act(o, Action.zeros(2))).observation();
        }
        Action along = env.expert().act(o, Action.zeros(2));
        assertThat(along.get(0)).as("within the look-ahead radius it heads forwards").isPositive();
        assertThat(along.get(1)).isNegative();
    }

    @Test
    void restoringASnapshotReproducesTheRestOfTheEpisode() {
        LineFollowingEnvironment env = new LineFollowingEnvironment(LineFollowingConfig.DEFAULTS);
        Observation o = env.reset(6);
        for (int t = 0; t < 100; t++) {
            o = env.step(Action.of(0.7f, 0.3f * (t % 3 - 1))).observation();
        }
        Snapshot saved = env.snapshot().orElseThrow();
        List<String> first = runExpert(env, o);
        env.restore(saved);
        assertThat(runExpert(env, o)).isEqualTo(first);
        assertThat(first.get(first.size() - 1)).contains("success=true");
    }

    private static List<String> runExpert(LineFollowingEnvironment env, Observation from) {
        List<String> seen = new ArrayList<>();
        Observation o = from;
        StepResult r = null;
        while (r == null || !r.done()) {
            r = env.step(env.expert().act(o, Action.zeros(2)));
            o = r.observation();
            seen.add(o + " " + r.reward() + " " + r.terminated() + " " + r.truncated() + " " + r.info());
        }
        return seen;
    }

    @Test
    void theSceneDrawsTheBallTheLineAndTheGoal() {
        LineFollowingEnvironment env = new LineFollowingEnvironment(LineFollowingConfig.DEFAULTS);
        Observation o = env.reset(7);
        Point ball = new Point(o.get(0) * 100.0 + 300, o.get(1) * 100.0 + 300);
        Scene scene = env.scene();
        assertThat(scene.shapes()).anySatisfy(s -> {
            assertThat(s).isInstanceOf(Circle.class);
            assertThat(s.tone()).isEqualTo(Scene.Tone.AGENT);
            assertThat(((Circle) s).centre().x()).isCloseTo(ball.x(), within(1e-4));
        });
        assertThat(scene.shapes()).anySatisfy(s -> assertThat(s).isEqualTo(
                new Circle(new Point(300, 300), 15, Scene.Tone.GOAL, false)));
        assertThat(scene.actionFrame()).hasValueSatisfying(f -> assertThat(f.scale()).isEqualTo(20.0));
        assertThat(scene.minX()).isLessThan(100);
        assertThat(scene.maxX()).isGreaterThan(300);
    }

    @Test
    void rejectsAStepLimitTheTeacherCannotMeet() {
        assertThatThrownBy(() -> new LineFollowingConfig(100, 300, 300, 300, 300, 1, 5, 0.5, 10))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field).containsExactly("maxSteps"));
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        assertThatThrownBy(() -> new LineFollowingConfig(10, 300, 300, 600, 0, 0, 20, 1.5, 0))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field).containsExactly("startX", "endY", "maxSteps",
                                "pixelsPerAction", "startSpread", "teacherSpeed", "lookAhead"));
    }

    @Test
    void providerReturnsTheShortenedLine() {
        LineFollowingProvider provider = new LineFollowingProvider();
        assertThat(provider.defaultConfig()).isEqualTo(new LineFollowingConfig(100, 300, 300, 300, 400, 1, 5, 0.5, 10));
        assertThat(provider.description()).isNotBlank();
    }
}
