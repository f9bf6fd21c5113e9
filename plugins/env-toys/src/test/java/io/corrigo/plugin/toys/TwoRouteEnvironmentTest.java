package io.corrigo.plugin.toys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.corrigo.api.Action;
import io.corrigo.api.ConfigException;
import io.corrigo.api.Observation;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.env.Scene;
import io.corrigo.api.env.Scene.ActionFrame;
import io.corrigo.api.env.Scene.Circle;
import io.corrigo.api.env.Scene.Point;
import io.corrigo.api.env.Snapshot;
import io.corrigo.api.env.StepResult;
import io.corrigo.testkit.EnvironmentContract;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@Epic("Environments")
@Feature("two-route")
class TwoRouteEnvironmentTest implements EnvironmentContract<TwoRouteConfig> {

    @Override
    public EnvironmentProvider<TwoRouteConfig> provider() {
        return new TwoRouteProvider();
    }

    /** What one expert episode did. */
    private record Episode(double startX, int side, double extremeX, int steps, StepResult last) {
    }

    private static Episode expertEpisode(TwoRouteEnvironment env, long seed) {
        Observation o = env.reset(seed);
        double startX = o.get(0);
        double extremeX = startX;
        StepResult r = null;
        int steps = 0;
        while (r == null || !r.done()) {
            r = env.step(env.expert().act(o, Action.zeros(2)));
            o = r.observation();
            steps++;
            if (Math.abs(o.get(0)) > Math.abs(extremeX)) {
                extremeX = o.get(0);
            }
        }
        return new Episode(startX, env.expertSide(), extremeX, steps, r);
    }

    @Test
    void expertSolvesAThousandEpisodesInAboutFortyTwoSteps() {
        TwoRouteEnvironment env = new TwoRouteEnvironment(TwoRouteConfig.DEFAULTS);
        int solved = 0;
        long totalSteps = 0;
        long started = System.nanoTime();
        for (long seed = 0; seed < 1_000; seed++) {
            Episode e = expertEpisode(env, seed);
            solved += e.last().info().success() ? 1 : 0;
            totalSteps += e.steps();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double meanSteps = totalSteps / 1_000.0;
        System.out.printf("two-route expert: %d/1000 solved, mean %.2f steps, %.0f steps/s%n",
                solved, meanSteps, totalSteps / seconds);
        assertThat(solved).isGreaterThanOrEqualTo(999);
        assertThat(meanSteps).isBetween(40.0, 44.0);
    }

    @Test
    void theFartherRouteIsAWorseTeacherThatTakesTheOtherSideAndIsSlower() {
        TwoRouteConfig worse = new TwoRouteConfig(100, 0.05, 0.3, 0.05, 0.2, 0.1, TwoRouteConfig.Route.FARTHER);
        TwoRouteEnvironment env = new TwoRouteEnvironment(worse);
        int solved = 0;
        long stepsWhenSolved = 0;
        for (long seed = 0; seed < 1_000; seed++) {
            Episode e = expertEpisode(env, seed);
            assertThat(Math.signum(e.extremeX())).as("seed %d passes on the other side", seed).isEqualTo(e.side());
            if (Math.abs(e.startX()) >= 0.02) {
                assertThat((double) e.side()).isEqualTo(-Math.signum(e.startX()));
            }
            if (e.last().info().success()) {
                solved++;
                stepsWhenSolved += e.steps();
            }
        }
        double meanSteps = (double) stepsWhenSolved / solved;
        System.out.printf("two-route farther expert: %d/1000 solved, mean %.2f steps when solved%n", solved, meanSteps);
        // measured: 1000/1000 solved, 43.6 steps against 42.2 for the nearer route
        assertThat(solved).isGreaterThanOrEqualTo(990);
        assertThat(meanSteps).isGreaterThan(43.0);
    }

    @Test
    void theRandomRouteTakesEitherSideIndependentlyOfTheStartAndReportsIt() {
        TwoRouteConfig random = new TwoRouteConfig(100, 0.05, 0.3, 0.05, 0.2, 0.1, TwoRouteConfig.Route.RANDOM);
        TwoRouteEnvironment env = new TwoRouteEnvironment(random);
        int solved = 0;
        int left = 0;
        int againstStart = 0;
        for (long seed = 0; seed < 1_000; seed++) {
            Episode e = expertEpisode(env, seed);
            String mode = e.last().info().mode();
            assertThat(mode).as("seed %d", seed).isEqualTo(e.side() < 0 ? "left" : "right");
            solved += e.last().info().success() ? 1 : 0;
            left += e.side() < 0 ? 1 : 0;
            againstStart += Math.abs(e.startX()) >= 0.02 && Math.signum(e.startX()) != e.side() ? 1 : 0;
        }
        System.out.printf("two-route random expert: %d/1000 solved, %d left, %d against the start's side%n",
                solved, left, againstStart);
        assertThat(solved).isGreaterThanOrEqualTo(990);
        assertThat(left).isBetween(450, 550);
        assertThat(againstStart).isBetween(400, 500);
    }

    @Test
    void theModeIsUndecidedUntilThePointPassesTheDisc() {
        TwoRouteEnvironment env = new TwoRouteEnvironment(TwoRouteConfig.DEFAULTS);
        Observation o = env.reset(3);
        StepResult first = env.step(env.expert().act(o, Action.zeros(2)));
        assertThat(first.info().mode()).isEqualTo("undecided");
        assertThat(expertEpisode(env, 3).last().info().mode()).isIn("left", "right");
    }

    @Test
    void expertPicksTheSideOfItsStart() {
        TwoRouteEnvironment env = new TwoRouteEnvironment(TwoRouteConfig.DEFAULTS);
        Set<Integer> undecidedSides = new HashSet<>();
        for (long seed = 0; seed < 400; seed++) {
            Episode e = expertEpisode(env, seed);
            assertThat(Math.signum(e.extremeX())).as("seed %d passes on its side", seed).isEqualTo(e.side());
            if (Math.abs(e.startX()) >= 0.02) {
                assertThat(e.side()).as("seed %d starts at x=%f", seed, e.startX())
                        .isEqualTo((int) Math.signum(e.startX()));
            } else {
                undecidedSides.add(e.side());
            }
        }
        assertThat(undecidedSides).as("starts near x = 0 go either way").containsExactlyInAnyOrder(-1, 1);
    }

    @Test
    void reachingTheGoalTerminatesWithSuccessAndFullProgress() {
        StepResult last = expertEpisode(new TwoRouteEnvironment(TwoRouteConfig.DEFAULTS), 11).last();
        assertThat(last.terminated()).isTrue();
        assertThat(last.truncated()).isFalse();
        assertThat(last.info().success()).isTrue();
        assertThat(last.info().progress()).isEqualTo(1.0);
        assertThat(last.reward()).isGreaterThan(0.9);
    }

    @Test
    void enteringTheObstacleTerminatesWithoutSuccess() {
        TwoRouteEnvironment env = new TwoRouteEnvironment(TwoRouteConfig.DEFAULTS);
        env.reset(7);
        StepResult r;
        int steps = 0;
        do {
            r = env.step(Action.of(0, 1));
            steps++;
        } while (!r.done());
        assertThat(r.terminated()).isTrue();
        assertThat(r.truncated()).isFalse();
        assertThat(r.info().success()).isFalse();
        assertThat(r.reward()).isLessThan(-1.0);
        assertThat(steps).isLessThan(15);
        assertThat(r.observation().get(1)).isBetween(-0.35f, -0.1f);
    }

    @Test
    void waitingOutTheStepLimitTruncatesWithoutSuccess() {
        TwoRouteEnvironment env = new TwoRouteEnvironment(TwoRouteConfig.DEFAULTS);
        env.reset(2);
        StepResult r = null;
        for (int t = 0; t < 100; t++) {
            assertThat(r == null || !r.done()).isTrue();
            r = env.step(Action.zeros(2));
        }
        assertThat(r.truncated()).isTrue();
        assertThat(r.terminated()).isFalse();
        assertThat(r.info().success()).isFalse();
        assertThat(r.info().progress()).isEqualTo(0.0);
    }

    @Test
    void actionsAreClippedIntoTheBoxThenToUnitSpeed() {
        TwoRouteEnvironment env = new TwoRouteEnvironment(TwoRouteConfig.DEFAULTS);
        Observation start = env.reset(3);
        Observation afterFast = env.step(Action.of(5, 0)).observation();
        assertThat(afterFast.get(0) - start.get(0)).isCloseTo(0.05f, within(1e-6f));
        assertThat(afterFast.get(1)).isEqualTo(start.get(1));
        Observation afterDiagonal = env.step(Action.of(3, -4)).observation();
        float component = (float) (0.05 / Math.sqrt(2));
        assertThat(afterDiagonal.get(0) - afterFast.get(0)).isCloseTo(component, within(1e-6f));
        assertThat(afterDiagonal.get(1) - afterFast.get(1)).isCloseTo(-component, within(1e-6f));
    }

    @Test
    void theArenaWallsStopThePointMass() {
        TwoRouteEnvironment env = new TwoRouteEnvironment(TwoRouteConfig.DEFAULTS);
        env.reset(4);
        Observation o = null;
        for (int t = 0; t < 30; t++) {
            o = env.step(Action.of(-1, 0)).observation();
        }
        assertThat(o.get(0)).isEqualTo(-1f);
        assertThat(env.observationSpace().contains(o)).isTrue();
    }

    @Test
    void steppingOrAskingTheExpertBeforeAResetFails() {
        TwoRouteEnvironment env = new TwoRouteEnvironment(TwoRouteConfig.DEFAULTS);
        assertThatThrownBy(() -> env.step(Action.zeros(2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> env.expert().act(Observation.of(0, 0), Action.zeros(2)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theTeacherFollowsTheRobotOnceItHasCrossedToTheOtherSide() {
        TwoRouteEnvironment env = new TwoRouteEnvironment(TwoRouteConfig.DEFAULTS);
        int checked = 0;
        for (long seed = 0; seed < 50; seed++) {
            Observation o = env.reset(seed);
            int side = env.expertSide();
            if (Math.abs(o.get(0)) < 0.05) {
                continue;
            }
            checked++;
            Action sideways = Action.of(-0.2f * side, 0);
            while (side * o.get(0) > 0.02) {
                assertThat(Math.signum(env.expert().act(o, sideways).get(0))).as("seed %d, own side", seed)
                        .isEqualTo(side);
                o = env.step(sideways).observation();
            }
            assertThat(Math.signum(env.expert().act(o, sideways).get(0))).as("within the band").isEqualTo(side);
            while (side * o.get(0) > -0.1) {
                o = env.step(sideways).observation();
            }
            assertThat(o.get(1)).as("still below the disc").isLessThan(-0.5f);
            Action followed = env.expert().act(o, sideways);
            assertThat(Math.signum(followed.get(0))).as("seed %d follows the robot", seed).isEqualTo(-side);
            assertThat(followed.get(1)).isPositive();
            StepResult last = runTeacher(env, o);
            assertThat(last.info().success()).as("seed %d", seed).isTrue();
        }
        assertThat(checked).isGreaterThan(20);
    }

    /** Follows the teacher to the end of the episode, checking it passes on the side it is on. */
    private static StepResult runTeacher(TwoRouteEnvironment env, Observation from) {
        Observation o = from;
        float side = Math.signum(from.get(0));
        StepResult r = null;
        while (r == null || !r.done()) {
            r = env.step(env.expert().act(o, Action.zeros(2)));
            o = r.observation();
            if (o.get(1) > -0.3 && o.get(1) < 0.3) {
                assertThat(Math.signum(o.get(0))).as("passing the disc at %s", o).isEqualTo(side);
            }
        }
        return r;
    }

    @Test
    void restoringASnapshotReproducesTheRestOfTheEpisode() {
        TwoRouteEnvironment env = new TwoRouteEnvironment(TwoRouteConfig.DEFAULTS);
        Observation o = env.reset(12);
        for (int t = 0; t < 5; t++) {
            o = env.step(Action.of(-1, 0.2f)).observation();
        }
        Snapshot saved = env.snapshot().orElseThrow();
        List<String> first = trace(env, o);
        env.restore(saved);
        assertThat(trace(env, o)).isEqualTo(first);
        assertThat(first.get(first.size() - 1)).contains("success=true");
    }

    private static List<String> trace(TwoRouteEnvironment env, Observation from) {
        List<String> seen = new ArrayList<>();
        Observation o = from;
        StepResult r = null;
        while (r == null || !r.done()) {
            r = env.step(env.expert().act(o, Action.zeros(2)));
            o = r.observation();
            seen.add(o + " " + r.reward() + " " + r.terminated() + " " + r.info() + " " + env.value());
        }
        return seen;
    }

    @Test
    void valueIsMinusTheDistanceToTheGoalAndOneLessAfterHittingTheDisc() {
        TwoRouteEnvironment env = new TwoRouteEnvironment(TwoRouteConfig.DEFAULTS);
        Observation o = env.reset(7);
        assertThat(env.value().orElseThrow()).isCloseTo(-Math.hypot(o.get(0), o.get(1) - 0.8), within(1e-6));
        StepResult r;
        do {
            r = env.step(Action.of(0, 1));
        } while (!r.done());
        double distance = Math.hypot(r.observation().get(0), r.observation().get(1) - 0.8);
        assertThat(env.value().orElseThrow()).isCloseTo(-distance - 1, within(1e-6));
    }

    @Test
    void theSceneDrawsTheDiscTheGoalAndThePoint() {
        TwoRouteEnvironment env = new TwoRouteEnvironment(TwoRouteConfig.DEFAULTS);
        Observation o = env.reset(1);
        Scene scene = env.scene();
        Point at = new Point(o.get(0), o.get(1));
        assertThat(scene.shapes()).contains(new Circle(new Point(0, 0), 0.3, Scene.Tone.OBSTACLE, true),
                new Circle(new Point(0, 0.8), 0.05, Scene.Tone.GOAL, false));
        assertThat(scene.shapes()).anySatisfy(s -> assertThat(s.tone()).isEqualTo(Scene.Tone.AGENT));
        assertThat(scene.actionFrame()).hasValueSatisfying(f -> {
            assertThat(f.origin().x()).isCloseTo(at.x(), within(1e-6));
            assertThat(f.origin().y()).isCloseTo(at.y(), within(1e-6));
        });
        assertThat(scene.actionFrame().map(ActionFrame::xDimension)).contains(0);
    }

    @Test
    void providerReturnsTheSpecDefaults() {
        TwoRouteProvider provider = new TwoRouteProvider();
        assertThat(provider.configType()).isEqualTo(TwoRouteConfig.class);
        assertThat(provider.defaultConfig()).isEqualTo(new TwoRouteConfig(100, 0.05, 0.3, 0.05, 0.2, 0.1));
        assertThat(provider.description()).isNotBlank();
    }

    @Test
    void rejectsNonPositiveGoalTolerance() {
        assertThatThrownBy(() -> new TwoRouteConfig(100, 0.05, 0.3, 0, 0.2, 0.1))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field).containsExactly("goalTolerance"));
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        assertThatThrownBy(() -> new TwoRouteConfig(0, -0.05, 0.5, 0.05, 0.6, 0.1))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field)
                        .containsExactly("maxSteps", "stepSize", "obstacleRadius", "startXSpread"));
    }
}
