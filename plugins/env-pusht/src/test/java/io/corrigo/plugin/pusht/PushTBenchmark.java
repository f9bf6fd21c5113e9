package io.corrigo.plugin.pusht;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.StepResult;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Speed of Push-T on one thread: control steps (10 substeps each) per second with the agent moving
 * freely and with the agent pushing the block continuously, whole expert episodes, and teacher
 * decisions per second. Run: {@code java -cp <test class path> io.corrigo.plugin.pusht.PushTBenchmark}.
 */
final class PushTBenchmark {

    private static final int STEPS = 200_000;

    private PushTBenchmark() {
    }

    public static void main(String[] args) {
        for (int round = 0; round < 5; round++) {
            System.out.printf(Locale.ROOT, "round %d: free %,.0f steps/s, pushing %,.0f steps/s, expert episodes %,.0f"
                            + " steps/s (teacher included), teacher %,.0f decisions/s%n",
                    round, freeSteps(), pushingSteps(), expertSteps(), teacherDecisions());
        }
    }

    /** The agent darts between random targets in the lower left while the block rests upper right. */
    private static double freeSteps() {
        PushTWorld world = new PushTWorld(PushTWorld.State.of(100, 100, new Pose(380, 380, 0)));
        SplittableRandom random = new SplittableRandom(1);
        long start = System.nanoTime();
        for (int t = 0; t < STEPS; t++) {
            world.advance(50 + 200 * random.nextDouble(), 50 + 200 * random.nextDouble());
        }
        return STEPS / seconds(start);
    }

    /** The agent pushes the block up into the top wall and keeps pressing; restarted every 40 steps. */
    private static double pushingSteps() {
        PushTWorld.State start = PushTWorld.State.of(250, 150, new Pose(256, 200, 0.1));
        PushTWorld world = new PushTWorld(start);
        long begin = System.nanoTime();
        for (int t = 0; t < STEPS; t++) {
            if (t % 40 == 0) {
                world.seat(start);
            }
            world.advance(250, 512);
        }
        return STEPS / seconds(begin);
    }

    private static double expertSteps() {
        PushTEnvironment env = new PushTEnvironment(PushTConfig.DEFAULTS);
        long steps = 0;
        long begin = System.nanoTime();
        for (long seed = 0; steps < STEPS / 4; seed++) {
            Observation o = env.reset(seed);
            StepResult r = null;
            while (r == null || !r.done()) {
                r = env.step(env.expert().act(o, Action.zeros(2)));
                o = r.observation();
                steps++;
            }
        }
        return steps / seconds(begin);
    }

    /** Fresh decisions (a new step number each call) in states along expert episodes. */
    private static double teacherDecisions() {
        PushTEnvironment env = new PushTEnvironment(PushTConfig.DEFAULTS);
        long decisions = 0;
        long elapsed = 0;
        int fake = 1_000_000;
        for (long seed = 0; decisions < STEPS; seed++) {
            Observation o = env.reset(seed);
            StepResult r = null;
            while (r == null || !r.done()) {
                PushTTeacher.Memory memory = env.teacher().memory();
                long begin = System.nanoTime();
                for (int k = 0; k < 20; k++) {
                    env.teacher().decision(fake++);
                }
                elapsed += System.nanoTime() - begin;
                decisions += 20;
                env.teacher().restore(memory);
                r = env.step(env.expert().act(o, Action.zeros(2)));
                o = r.observation();
            }
        }
        return decisions / (elapsed / 1e9);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
