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
import io.corrigo.api.env.Scene.Point;
import io.corrigo.api.env.Snapshot;
import io.corrigo.api.env.StepResult;
import io.corrigo.plugin.toys.ParticleConfig.GoalOrder;
import io.corrigo.testkit.EnvironmentContract;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

@Epic("Environments")
@Feature("particle")
class ParticleEnvironmentTest implements EnvironmentContract<ParticleConfig> {

    private static final ParticleConfig RANDOM_ORDER = ParticleConfig.DEFAULTS.withGoalOrder(GoalOrder.RANDOM);

    @Override
    public EnvironmentProvider<ParticleConfig> provider() {
        return new ParticleProvider();
    }

    private static Action position(Observation o) {
        return Action.of(o.get(0), o.get(1));
    }

    private static Action goal1(Observation o) {
        return Action.of(o.get(4), o.get(5));
    }

    private static Action goal2(Observation o) {
        return Action.of(o.get(6), o.get(7));
    }

    /** Runs a whole episode under {@code policy}; the last result. */
    private static StepResult run(ParticleEnvironment env, long seed, Function<Observation, Action> policy) {
        Observation o = env.reset(seed);
        StepResult r = null;
        while (r == null || !r.done()) {
            r = env.step(policy.apply(o));
            o = r.observation();
        }
        return r;
    }

    private static StepResult runExpert(ParticleEnvironment env, long seed) {
        return run(env, seed, o -> env.expert().act(o, Action.zeros(2)));
    }

    @Test
    void expertSolvesAThousandEpisodesOfEitherOrder() {
        for (ParticleConfig config : new ParticleConfig[] {ParticleConfig.DEFAULTS, RANDOM_ORDER}) {
            ParticleEnvironment env = new ParticleEnvironment(config);
            int solved = 0;
            long started = System.nanoTime();
            for (long seed = 0; seed < 1_000; seed++) {
                solved += runExpert(env, seed).info().success() ? 1 : 0;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("particle %s expert: %d/1000 solved, %.0f steps/s%n",
                    config.goalOrder(), solved, 50_000 / seconds);
            assertThat(solved).as("%s order", config.goalOrder()).isGreaterThanOrEqualTo(999);
        }
    }

    @Test
    void successIsJudgedAtTheLastStepOnly() {
        ParticleEnvironment env = new ParticleEnvironment(ParticleConfig.DEFAULTS);
        Observation o = env.reset(21);
        for (int t = 1; t <= 50; t++) {
            StepResult r = env.step(env.expert().act(o, Action.zeros(2)));
            o = r.observation();
            assertThat(r.terminated()).isFalse();
            assertThat(r.truncated()).isEqualTo(t == 50);
            assertThat(r.info().success()).isEqualTo(t == 50);
            assertThat(r.reward()).isEqualTo(t == 50 ? 1.0 : 0.0);
        }
        assertThat(position(o).distanceTo(goal2(o))).isLessThan(0.05);
    }

    @Test
    void leavingTheSecondGoalBeforeTheEndFails() {
        ParticleEnvironment env = new ParticleEnvironment(ParticleConfig.DEFAULTS);
        int checked = 0;
        for (long seed = 0; seed < 50; seed++) {
            int[] step = {0};
            boolean[] arrived = {false};
            StepResult last = run(env, seed, o -> {
                step[0]++;
                arrived[0] |= step[0] > 1 && position(o).distanceTo(goal2(o)) < 0.05;
                return arrived[0] ? goal1(o) : env.expert().act(o, Action.zeros(2));
            });
            Observation end = last.observation();
            if (arrived[0] && goal1(end).distanceTo(goal2(end)) > 0.3) {
                checked++;
                assertThat(last.info().success()).as("seed %d", seed).isFalse();
                assertThat(last.info().progress()).isLessThan(1.0);
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void goingStraightToTheSecondGoalFails() {
        ParticleEnvironment env = new ParticleEnvironment(ParticleConfig.DEFAULTS);
        int checked = 0;
        for (long seed = 0; seed < 50; seed++) {
            Observation start = env.reset(seed);
            if (segmentDistance(goal1(start), position(start), goal2(start)) > 0.1) {
                checked++;
                StepResult last = run(env, seed, ParticleEnvironmentTest::goal2);
                assertThat(last.info().success()).as("seed %d", seed).isFalse();
                assertThat(last.info().progress()).isLessThanOrEqualTo(0.5);
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void onlyTheRandomOrderVariantAcceptsGoalTwoFirst() {
        int fixedSolved = 0;
        int randomSolved = 0;
        int checked = 0;
        ParticleEnvironment fixed = new ParticleEnvironment(ParticleConfig.DEFAULTS);
        ParticleEnvironment random = new ParticleEnvironment(RANDOM_ORDER);
        for (long seed = 0; seed < 50; seed++) {
            Observation start = fixed.reset(seed);
            if (goal1(start).distanceTo(goal2(start)) > 0.1) {
                checked++;
                fixedSolved += run(fixed, seed, reverseOrder()).info().success() ? 1 : 0;
                randomSolved += run(random, seed, reverseOrder()).info().success() ? 1 : 0;
            }
        }
        assertThat(checked).isGreaterThan(30);
        assertThat(fixedSolved).isZero();
        assertThat(randomSolved).isEqualTo(checked);
    }

    /** A scripted policy for goal 2, then goal 1, switching within 0.01 of goal 2. */
    private static Function<Observation, Action> reverseOrder() {
        boolean[] arrived = {false};
        return o -> {
            arrived[0] |= position(o).distanceTo(goal2(o)) < 0.01;
            return arrived[0] ? goal1(o) : goal2(o);
        };
    }

    @Test
    void randomOrderExpertDrawsItsOrderPerEpisode() {
        ParticleEnvironment fixed = new ParticleEnvironment(ParticleConfig.DEFAULTS);
        ParticleEnvironment random = new ParticleEnvironment(RANDOM_ORDER);
        int goal2First = 0;
        for (long seed = 0; seed < 200; seed++) {
            Observation o = fixed.reset(seed);
            assertThat(fixed.expert().act(o, Action.zeros(2))).isEqualTo(goal1(o));
            o = random.reset(seed);
            Action first = random.expert().act(o, Action.zeros(2));
            assertThat(first).isIn(goal1(o), goal2(o));
            goal2First += first.equals(goal2(o)) ? 1 : 0;
        }
        assertThat(goal2First).isBetween(70, 130);
    }

    @Test
    void askingTheExpertTwiceGivesTheSameAnswer() {
        ParticleEnvironment env = new ParticleEnvironment(ParticleConfig.DEFAULTS);
        Observation o = env.reset(8);
        for (int t = 0; t < 50; t++) {
            Action a = env.expert().act(o, Action.zeros(2));
            assertThat(env.expert().act(o, Action.of(0.5f, 0.5f))).isEqualTo(a);
            o = env.step(a).observation();
        }
    }

    @Test
    void holdingTheStartPositionKeepsTheParticleAtRest() {
        ParticleEnvironment env = new ParticleEnvironment(ParticleConfig.DEFAULTS);
        Observation start = env.reset(5);
        Observation o = start;
        for (int t = 0; t < 10; t++) {
            o = env.step(position(start)).observation();
        }
        // the set-point is the float-rounded start, so the particle creeps by rounding error only
        assertThat(o.distanceTo(start)).isLessThan(1e-6);
    }

    @Test
    void observationsStayWithinTheReachableBoundsEvenUnderBangBangSetPoints() {
        ParticleEnvironment env = new ParticleEnvironment(ParticleConfig.DEFAULTS);
        assertThat(env.observationSpace().high(0)).isBetween(1.01f, 1.02f);
        assertThat(env.observationSpace().low(0)).isBetween(-0.02f, -0.01f);
        assertThat(env.observationSpace().high(2)).isBetween(1.3f, 1.4f);
        SplittableRandom random = new SplittableRandom(1);
        for (long seed = 0; seed < 200; seed++) {
            int style = (int) (seed % 3);
            StepResult last = run(env, seed, o -> {
                assertThat(env.observationSpace().contains(o)).as("%s", o).isTrue();
                return switch (style) {
                    case 0 -> Action.of(random.nextBoolean() ? 1 : 0, random.nextBoolean() ? 1 : 0);
                    case 1 -> Action.of(o.get(2) > 0 ? 1 : 0, o.get(3) > 0 ? 1 : 0);
                    default -> Action.of(o.get(2) > 0 ? 0 : 1, o.get(3) > 0 ? 0 : 1);
                };
            });
            assertThat(env.observationSpace().contains(last.observation())).isTrue();
        }
    }

    @Test
    void anyDimensionWorks() {
        ParticleConfig threeD = new ParticleConfig(3, 50, 0.005, 10, 10, 5, 0.05, 0.01, 1, GoalOrder.FIXED);
        ParticleEnvironment env = new ParticleEnvironment(threeD);
        assertThat(env.observationSpace().dimension()).isEqualTo(12);
        assertThat(env.actionSpace().dimension()).isEqualTo(3);
        int solved = 0;
        for (long seed = 0; seed < 100; seed++) {
            solved += run(env, seed, o -> env.expert().act(o, Action.zeros(3))).info().success() ? 1 : 0;
        }
        assertThat(solved).isGreaterThanOrEqualTo(99);
    }

    @Test
    void restoringASnapshotReproducesTheRestOfTheEpisodeAndTheExpertsPhase() {
        for (ParticleConfig config : new ParticleConfig[] {ParticleConfig.DEFAULTS, RANDOM_ORDER}) {
            ParticleEnvironment env = new ParticleEnvironment(config);
            Observation o = env.reset(13);
            for (int t = 0; t < 20; t++) {
                o = env.step(env.expert().act(o, Action.zeros(2))).observation();
            }
            Snapshot saved = env.snapshot().orElseThrow();
            List<String> first = trace(env, o);
            env.restore(saved);
            assertThat(trace(env, o)).isEqualTo(first);
            assertThat(first).hasSize(30);
            assertThat(first.get(29)).contains("success=true");
        }
    }

    private static List<String> trace(ParticleEnvironment env, Observation from) {
        List<String> seen = new ArrayList<>();
        Observation o = from;
        StepResult r = null;
        while (r == null || !r.done()) {
            Action a = env.expert().act(o, Action.zeros(2));
            r = env.step(a);
            o = r.observation();
            seen.add(a + " " + o + " " + r.reward() + " " + r.info() + " " + env.value());
        }
        return seen;
    }

    @Test
    void valueIsMinusThePathThroughTheGoalsStillToVisit() {
        ParticleEnvironment env = new ParticleEnvironment(ParticleConfig.DEFAULTS);
        Observation o = env.reset(14);
        double viaGoal1 = position(o).distanceTo(goal1(o)) + goal1(o).distanceTo(goal2(o));
        assertThat(env.value().orElseThrow()).isCloseTo(-viaGoal1, within(1e-5));
        StepResult last = runExpert(env, 14);
        double rest = position(last.observation()).distanceTo(goal2(last.observation()));
        assertThat(env.value().orElseThrow()).isCloseTo(-rest, within(1e-5));
        assertThat(rest).isLessThan(0.05);
    }

    @Test
    void theSceneDrawsTheGoalsAndTheParticleWithSetPointsFromTheOrigin() {
        ParticleEnvironment env = new ParticleEnvironment(ParticleConfig.DEFAULTS);
        env.reset(15);
        Scene scene = env.scene();
        assertThat(scene.actionFrame()).contains(new ActionFrame(new Point(0, 0), 1, 0, 1));
        assertThat(scene.shapes()).filteredOn(s -> s.tone() == Scene.Tone.AGENT).hasSize(1);
        assertThat(scene.shapes()).filteredOn(s -> s.tone() == Scene.Tone.GOAL).hasSize(1);
        assertThat(scene.shapes()).filteredOn(s -> s.tone() == Scene.Tone.TARGET).hasSize(1);
    }

    @Test
    void rejectsNonPositiveGoalTolerance() {
        assertThatThrownBy(() -> new ParticleConfig(2, 50, 0.005, 10, 10, 5, 0, 0.01, 1, GoalOrder.FIXED))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field).containsExactly("goalTolerance"));
    }

    @Test
    void rejectsAnIntegrationStepThatMakesTheControllerUnstable() {
        assertThatThrownBy(() -> new ParticleConfig(2, 50, 0.6, 10, 10, 5, 0.05, 0.01, 1, GoalOrder.FIXED))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field).containsExactly("timeStep"));
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        assertThatThrownBy(() -> new ParticleConfig(0, 0, 0.005, 0, 10, 5, 0.05, -1, 0, null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field).containsExactly("dimensions", "maxSteps",
                                "substeps", "expertGoalThreshold", "expertWaitSteps", "goalOrder"));
    }

    @Test
    void providerReturnsTheIbcDefaults() {
        ParticleProvider provider = new ParticleProvider();
        assertThat(provider.configType()).isEqualTo(ParticleConfig.class);
        assertThat(provider.defaultConfig())
                .isEqualTo(new ParticleConfig(2, 50, 0.005, 10, 10, 5, 0.05, 0.01, 1, GoalOrder.FIXED));
    }

    private static double segmentDistance(Action point, Action from, Action to) {
        Action d = to.minus(from);
        Action p = point.minus(from);
        double lengthSquared = d.norm() * d.norm();
        double t = lengthSquared == 0 ? 0
                : Math.max(0, Math.min(1, (p.get(0) * d.get(0) + p.get(1) * d.get(1)) / lengthSquared));
        return point.distanceTo(from.plus(d.times(t)));
    }
}
