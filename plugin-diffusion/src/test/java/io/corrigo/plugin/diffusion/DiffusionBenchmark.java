package io.corrigo.plugin.diffusion;

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
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Speed of the diffusion learner on one thread (a benchmark, not a test): the latency of planning
 * one chunk (DDIM-10, the default MLP denoiser and horizons) and the time of one training update at
 * batch 256, as p50 and p99 over many repetitions after a warm-up, for two-route's sizes (2-D
 * observations) and Push-T's (24-D), and for the U-Net. Run as README "Benchmarks" says (the
 * launcher's malloc settings and one intra-op thread, as {@code ./corrigo} runs trials).
 */
public final class DiffusionBenchmark {

    private DiffusionBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "%-44s %12s %12s %12s%n", "diffusion, 1 thread", "p50", "p99", "mean");
        for (int round = 0; round < 2; round++) {
            boolean measured = round == 1;
            run(measured, "MLP 3x256, 2-D obs (two-route)", DiffusionConfig.DEFAULTS, 2);
            run(measured, "MLP 3x256, 24-D obs (push-t)", DiffusionConfig.DEFAULTS, 24);
            run(measured, "U-Net [64,128,256], 24-D obs", Configs.with(Map.of("denoiser", DiffusionConfig.DenoiserKind.UNET)), 24);
        }
    }

    private static void run(boolean print, String name, DiffusionConfig config, int obsDim) {
        Space obs = Space.cube(obsDim, -1, 1);
        Space act = Space.cube(2, -1, 1);
        SplittableRandom random = new SplittableRandom(1);
        try (DiffusionLearner learner = (DiffusionLearner) new DiffusionLearnerProvider().create(config, obs, act,
                TestRunContext.withSeed(1))) {
            for (int episode = 0; episode < 40; episode++) {
                for (int t = 1; t <= 50; t++) {
                    Observation o = Observation.of(vector(random, obsDim));
                    Action a = Action.of(vector(random, 2));
                    learner.observeDemonstration(new Transition(o, a, Feedback.None.instance(), a, Response.Executor.TEACHER,
                            o, 0, false, t == 50, new StepInfo(false, 0), t));
                }
            }
            int updates = print ? 300 : 100;
            double[] train = new double[updates];
            for (int i = 0; i < updates; i++) {
                long start = System.nanoTime();
                learner.trainOnDemonstrations(1);
                train[i] = (System.nanoTime() - start) / 1e6;
            }
            int plans = print ? 2000 : 500;
            double[] plan = new double[plans];
            for (int i = 0; i < plans; i++) {
                Observation o = Observation.of(vector(random, obsDim));
                learner.startRollout();
                long start = System.nanoTime();
                learner.act(o);
                plan[i] = (System.nanoTime() - start) / 1e6;
            }
            if (print) {
                line(name + ": plan one chunk (DDIM-" + config.samplingSteps() + ")", plan);
                line(name + ": update, batch " + config.batchSize(), train);
            }
        }
    }

    private static void line(String name, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-44s %9.3f ms %9.3f ms %9.3f ms%n", name, sorted[sorted.length / 2],
                sorted[(int) Math.ceil(0.99 * sorted.length) - 1], Arrays.stream(millis).average().orElse(0));
    }

    private static float[] vector(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (2 * random.nextDouble() - 1);
        }
        return v;
    }
}
