package io.corrigo.plugin.pusht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.env.Scene;
import io.corrigo.api.env.Snapshot;
import io.corrigo.api.env.StepResult;
import io.corrigo.plugin.pusht.PushTConfig.ActionMode;
import io.corrigo.plugin.pusht.PushTConfig.ObservationMode;
import io.corrigo.testkit.EnvironmentContract;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

@Epic("Environments")
@Feature("push-t")
class PushTEnvironmentTest implements EnvironmentContract<PushTConfig> {

    @Override
    public EnvironmentProvider<PushTConfig> provider() {
        return new PushTProvider();
    }

    @Override
    public double expertSuccessThreshold() {
        return 0.95;
    }

    /** Success count and steps of expert episodes over seeds 1000…1000+n−1. */
    private record ExpertRecord(int solved, long stepsToSuccess, int episodes) {
        double meanSteps() {
            return solved == 0 ? Double.NaN : (double) stepsToSuccess / solved;
        }
    }

    private static ExpertRecord expertRecord(PushTConfig config, int episodes) {
        PushTEnvironment env = new PushTEnvironment(config);
        int solved = 0;
        long steps = 0;
        for (int e = 0; e < episodes; e++) {
            Observation o = env.reset(1_000 + e);
            StepResult r = null;
            int t = 0;
            while (r == null || !r.done()) {
                r = env.step(env.expert().act(o, Action.zeros(2)));
                o = r.observation();
                t++;
            }
            if (r.info().success()) {
                solved++;
                steps += t;
            }
        }
        return new ExpertRecord(solved, steps, episodes);
    }

    @Test
    void expertReachesCoverageNinetyFivePercentInNearlyEveryEpisodeWithinAHundredStepsOnAverage() {
        ExpertRecord r = expertRecord(PushTConfig.DEFAULTS, 100);
        System.out.printf("push-t expert (absolute, coverage > 0.95, 300 steps): %d/%d solved, mean %.1f steps to success%n",
                r.solved(), r.episodes(), r.meanSteps());
        assertThat(r.solved()).isGreaterThanOrEqualTo(95);
        assertThat(r.meanSteps()).isLessThan(100);
    }

    @Test
    void expertSolvesClicsTaskWithRelativeActions() {
        ExpertRecord r = expertRecord(PushTConfig.CLIC, 100);
        System.out.printf("push-t expert (relative, coverage > 0.80, 500 steps): %d/%d solved, mean %.1f steps to success%n",
                r.solved(), r.episodes(), r.meanSteps());
        assertThat(r.solved()).isGreaterThanOrEqualTo(95);
    }

    @Test
    void expertWithRelativeActionsAtTheStrictThresholdIsReportedNotRequired() {
        ExpertRecord r = expertRecord(PushTConfig.DEFAULTS.withActionMode(ActionMode.RELATIVE), 100);
        System.out.printf("push-t expert (relative, coverage > 0.95, 300 steps): %d/%d solved, mean %.1f steps to success%n",
                r.solved(), r.episodes(), r.meanSteps());
        assertThat(r.solved()).as("the relative agent moves at most ~4 px per step per axis").isGreaterThanOrEqualTo(50);
    }

    @Test
    void expertTakesOverFromWhereverARandomPolicyLeftTheBlock() {
        PushTEnvironment env = new PushTEnvironment(PushTConfig.DEFAULTS.withTask(400, 0.95));
        int solved = 0;
        for (long seed = 0; seed < 50; seed++) {
            Observation o = env.reset(seed);
            SplittableRandom random = new SplittableRandom(seed);
            StepResult r = null;
            for (int t = 0; t < 400 && (r == null || !r.done()); t++) {
                Action a = t < 60 ? Action.ofDoubles(2 * random.nextDouble() - 1, 2 * random.nextDouble() - 1)
                        : env.expert().act(o, Action.zeros(2));
                r = env.step(a);
                o = r.observation();
            }
            solved += r.info().success() ? 1 : 0;
        }
        assertThat(solved).as("episodes solved after 60 random steps").isGreaterThanOrEqualTo(48);
    }

    @Test
    void resetWithTheSameSeedOnOneInstanceReproducesTheExpertTrajectory() {
        PushTEnvironment env = new PushTEnvironment(PushTConfig.DEFAULTS);
        assertThat(expertTrajectory(env, 7, 60)).isEqualTo(expertTrajectory(env, 7, 60));
    }

    @Test
    void restoringASnapshotReproducesTheContinuationAndTheTeacher() {
        PushTEnvironment env = new PushTEnvironment(PushTConfig.DEFAULTS);
        Observation o = env.reset(11);
        for (int t = 0; t < 15; t++) {
            o = env.step(env.expert().act(o, Action.zeros(2))).observation();
        }
        Snapshot snapshot = env.snapshot().orElseThrow();
        List<Observation> first = continueWithExpert(env, o, 30);
        env.restore(snapshot);
        List<Observation> second = continueWithExpert(env, o, 30);
        assertThat(second).isEqualTo(first);
        assertThat(first.get(29)).isNotEqualTo(o);
    }

    @Test
    void restoreRejectsAnotherInstancesSnapshot() {
        PushTEnvironment a = new PushTEnvironment(PushTConfig.DEFAULTS);
        PushTEnvironment b = new PushTEnvironment(PushTConfig.DEFAULTS);
        a.reset(1);
        b.reset(1);
        Snapshot s = a.snapshot().orElseThrow();
        assertThatThrownBy(() -> b.restore(s)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void askingTheTeacherTwiceInOneStateGivesOneAnswer() {
        PushTEnvironment env = new PushTEnvironment(PushTConfig.DEFAULTS);
        Observation o = env.reset(3);
        Action first = env.expert().act(o, Action.of(1, -1));
        PushTTeacher.Memory memory = env.teacher().memory();
        assertThat(env.expert().act(o, Action.of(1, -1))).isEqualTo(first);
        assertThat(env.teacher().memory()).isEqualTo(memory);
    }

    @Test
    void whenBothWaysAroundTheBlockAreAsShortTheTeacherFollowsTheRobotsProposal() {
        for (ActionMode mode : ActionMode.values()) {
            PushTEnvironment env = new PushTEnvironment(PushTConfig.DEFAULTS.withActionMode(mode));
            long seed = 1_000;
            Observation o = env.reset(seed);
            env.expert().act(o, Action.zeros(2));
            while (env.teacher().memory().decision().alternative().isEmpty()) {
                o = env.reset(++seed);
                env.expert().act(o, Action.zeros(2));
            }
            assertThat(seed).as("some start has two equally good routes (%s)", mode).isLessThan(1_100);
            PushTTeacher.Decision decision = env.teacher().memory().decision();
            double dx = decision.x() - decision.alternative().orElseThrow().x();
            double dy = decision.y() - decision.alternative().orElseThrow().y();
            Action towardsFirst = Action.ofDoubles(Math.signum(dx), Math.signum(dy));
            Action towardsOther = Action.ofDoubles(-Math.signum(dx), -Math.signum(dy));
            Action first = env.expert().act(o, towardsFirst);
            Action other = env.expert().act(o, towardsOther);
            assertThat(other).as("%s, seed %d", mode, seed).isNotEqualTo(first);
            assertThat(first.distanceTo(towardsFirst)).isLessThan(other.distanceTo(towardsFirst));
        }
    }

    @Test
    void expertActionsLieInTheActionSpaceInBothModes() {
        for (ActionMode mode : ActionMode.values()) {
            PushTEnvironment env = new PushTEnvironment(PushTConfig.DEFAULTS.withActionMode(mode));
            for (long seed = 0; seed < 5; seed++) {
                Observation o = env.reset(seed);
                for (int t = 0; t < 40; t++) {
                    Action a = env.expert().act(o, Action.zeros(2));
                    assertThat(env.actionSpace().contains(a)).as("%s seed %d step %d: %s", mode, seed, t, a).isTrue();
                    StepResult r = env.step(a);
                    if (r.done()) {
                        break;
                    }
                    o = r.observation();
                }
            }
        }
    }

    @Test
    void resetNeverStartsTheAgentOverlappingTheBlockNorTheBlockInAWall() {
        PushTEnvironment env = new PushTEnvironment(PushTConfig.DEFAULTS);
        for (long seed = 0; seed < 300; seed++) {
            env.reset(seed);
            Pose b = env.world().blockPose();
            double c = Math.cos(b.angle());
            double s = Math.sin(b.angle());
            double dx = env.world().agentX() - b.x();
            double dy = env.world().agentY() - b.y();
            assertThat(TBlock.distance(c * dx + s * dy, -s * dx + c * dy))
                    .as("seed %d", seed).isGreaterThanOrEqualTo(PushTWorld.AGENT_RADIUS);
            double[] outline = TBlock.outline(b);
            for (double v : outline) {
                assertThat(v).as("seed %d", seed).isBetween(PushTWorld.WALL_LOW - 0.5, PushTWorld.WALL_HIGH + 0.5);
            }
        }
    }

    @Test
    void absoluteActionsAreTargetsInTheNormalisedWorkspace() {
        PushTEnvironment env = new PushTEnvironment(PushTConfig.DEFAULTS.withObservation(ObservationMode.FEATURES));
        env.reset(4);
        for (int t = 0; t < 8; t++) {
            env.step(Action.of(-0.5f, 0.5f));
        }
        assertThat(env.world().agentX()).isCloseTo(128, within(2.0));
        assertThat(env.world().agentY()).isCloseTo(384, within(2.0));
    }

    @Test
    void relativeActionsMoveTheTargetTenPixelsPerUnitFromTheAgent() {
        PushTEnvironment env = new PushTEnvironment(PushTConfig.CLIC);
        env.reset(4);
        double x = env.world().agentX();
        double y = env.world().agentY();
        env.step(Action.of(1, 0));
        assertThat(env.world().agentX() - x).isCloseTo(0.296 * 10, within(0.05));
        assertThat(env.world().agentY()).isCloseTo(y, within(1e-9));
    }

    @Test
    void observationsHaveTheDimensionOfTheirModeAndStackThePreviousFrame() {
        assertThat(new PushTEnvironment(PushTConfig.DEFAULTS.withObservation(ObservationMode.POSE)).reset(1).size()).isEqualTo(6);
        assertThat(new PushTEnvironment(PushTConfig.DEFAULTS.withObservation(ObservationMode.FEATURES)).reset(1).size()).isEqualTo(12);
        PushTEnvironment env = new PushTEnvironment(PushTConfig.DEFAULTS);
        Observation first = env.reset(1);
        assertThat(first.size()).isEqualTo(24);
        for (int i = 0; i < 12; i++) {
            assertThat(first.get(i)).isEqualTo(first.get(12 + i));
        }
        Observation second = env.step(Action.of(0.3f, 0.3f)).observation();
        for (int i = 0; i < 12; i++) {
            assertThat(second.get(i)).isEqualTo(first.get(12 + i));
        }
        assertThat(second.get(12)).isNotEqualTo(first.get(12));
        assertThat(env.observationSpace().contains(second)).isTrue();
    }

    @Test
    void successTerminatesAndTheStepLimitTruncates() {
        PushTEnvironment env = new PushTEnvironment(PushTConfig.DEFAULTS);
        Observation o = env.reset(1_001);
        StepResult r = null;
        while (r == null || !r.done()) {
            r = env.step(env.expert().act(o, Action.zeros(2)));
            o = r.observation();
        }
        assertThat(r.terminated()).isTrue();
        assertThat(r.info().success()).isTrue();
        assertThat(r.info().progress()).isEqualTo(1.0);
        assertThat(env.coverage()).isGreaterThan(0.95);
        PushTEnvironment idle = new PushTEnvironment(PushTConfig.DEFAULTS.withTask(5, 0.95));
        idle.reset(2);
        StepResult last = null;
        for (int t = 0; t < 5; t++) {
            last = idle.step(Action.of(-1, -1));
        }
        assertThat(last.truncated()).isTrue();
        assertThat(last.terminated()).isFalse();
        assertThat(last.info().success()).isFalse();
    }

    @Test
    void valueIsMinusThePoseErrorAndRisesUnderTheExpert() {
        PushTEnvironment env = new PushTEnvironment(PushTConfig.DEFAULTS);
        assertThat(env.value()).isEmpty();
        Observation o = env.reset(1_002);
        double start = env.value().orElseThrow();
        StepResult r = null;
        while (r == null || !r.done()) {
            r = env.step(env.expert().act(o, Action.zeros(2)));
            o = r.observation();
        }
        assertThat(start).isNegative();
        assertThat(env.value().orElseThrow()).isGreaterThan(start).isGreaterThan(-10);
    }

    @Test
    void sceneDrawsWallsGoalBlockAndAgentWithAnActionFrame() {
        PushTEnvironment env = new PushTEnvironment(PushTConfig.CLIC);
        assertThat(env.scene()).isEqualTo(Scene.EMPTY);
        env.reset(5);
        Scene scene = env.scene();
        assertThat(scene.shapes()).extracting(Scene.Shape::tone)
                .contains(Scene.Tone.WALL, Scene.Tone.GOAL, Scene.Tone.OBJECT, Scene.Tone.AGENT, Scene.Tone.TEXT);
        assertThat(scene.shapes()).filteredOn(s -> s instanceof Scene.Polygon).hasSize(2)
                .allSatisfy(s -> assertThat(((Scene.Polygon) s).points()).hasSize(8));
        Scene.ActionFrame frame = scene.actionFrame().orElseThrow();
        assertThat(frame.origin().x()).isEqualTo(env.world().agentX());
        assertThat(frame.scale()).isEqualTo(10.0);
        assertThat(scene.maxX()).isEqualTo(512.0);
    }

    private static List<Observation> expertTrajectory(PushTEnvironment env, long seed, int steps) {
        Observation o = env.reset(seed);
        List<Observation> seen = new ArrayList<>(List.of(o));
        seen.addAll(continueWithExpert(env, o, steps));
        return seen;
    }

    private static List<Observation> continueWithExpert(PushTEnvironment env, Observation start, int steps) {
        List<Observation> seen = new ArrayList<>();
        Observation o = start;
        SplittableRandom noise = new SplittableRandom(9);
        for (int t = 0; t < steps; t++) {
            Action a = env.expert().act(o, Action.zeros(2));
            Action jittered = Action.ofDoubles(a.get(0) + 0.2 * (noise.nextDouble() - 0.5), a.get(1));
            StepResult r = env.step(jittered);
            seen.add(r.observation());
            if (r.done()) {
                break;
            }
            o = r.observation();
        }
        return seen;
    }
}
