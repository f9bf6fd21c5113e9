package io.corrigo.plugin.rlif;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.learner.Transition;
import io.corrigo.testkit.TestRunContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Speed of the rlif learner on one thread (a benchmark, not a test): the time of one ensemble
 * update at batch 256 (UTD critic updates + actor + temperature), and learner steps per second at
 * UTD 1 (act + observe with its update; the environment not included), for 2 and 5 critics, on
 * reacher's sizes (8-D observations, 2-D actions). Run as README "Benchmarks" says.
 */
public final class RlifBenchmark {

    private RlifBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "%-52s %12s %12s %12s%n", "rlif, 1 thread", "p50", "p99", "mean");
        for (int round = 0; round < 2; round++) {
            for (int critics : new int[] {2, 5}) {
                RlifConfig config = new RlifConfig(null, null, critics, 2, 1, 256, 3e-4, 0.99, 0.005, 1.0, 0.5, 300, 200_000,
                        0.5, null, null);
                run(round == 1, critics + " critics of 2x256, UTD 1, batch 256", config);
            }
        }
    }

    private static void run(boolean print, String name, RlifConfig config) {
        Space obs = Space.cube(8, -1, 1);
        Space act = Space.cube(2, -1, 1);
        SplittableRandom random = new SplittableRandom(1);
        try (RlifLearner learner = (RlifLearner) new RlifLearnerProvider().create(config, obs, act, TestRunContext.withSeed(1))) {
            int steps = print ? 2300 : 800;
            double[] millis = new double[steps - 300];
            learner.startEpisode();
            Observation o = observation(random);
            for (int t = 1; t <= steps; t++) {
                long start = System.nanoTime();
                Action a = learner.act(o);
                Observation next = observation(random);
                boolean takeover = random.nextDouble() < 0.05;
                learner.observe(new Transition(o, a, takeover ? new Feedback.Takeover(a, 3, true) : Feedback.None.instance(),
                        a, takeover ? Response.Executor.TEACHER : Response.Executor.LEARNER, next, 0, false, t % 50 == 0,
                        new StepInfo(false, 0), t));
                if (t > 300) {
                    millis[t - 301] = (System.nanoTime() - start) / 1e6;
                }
                if (t % 50 == 0) {
                    learner.endEpisode();
                    learner.startEpisode();
                }
                o = next;
            }
            if (print) {
                double[] sorted = millis.clone();
                Arrays.sort(sorted);
                double mean = Arrays.stream(millis).average().orElse(0);
                System.out.printf(Locale.ROOT, "%-52s %9.3f ms %9.3f ms %9.3f ms  (%.0f steps/s)%n", name + ": step with update",
                        sorted[sorted.length / 2], sorted[(int) Math.ceil(0.99 * sorted.length) - 1], mean, 1000 / mean);
            }
        }
    }

    private static Observation observation(SplittableRandom random) {
        float[] v = new float[8];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (2 * random.nextDouble() - 1);
        }
        return Observation.of(v);
    }
}
