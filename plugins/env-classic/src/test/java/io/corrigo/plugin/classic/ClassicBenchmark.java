package io.corrigo.plugin.classic;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.StepResult;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Steps per second of each environment, driven by its expert and by uniform random actions (one
 * thread, after a warm-up). Run: {@code java -cp target/classes:target/test-classes:<framework-api jar>
 * io.corrigo.plugin.classic.ClassicBenchmark [steps]}.
 */
final class ClassicBenchmark {

    private ClassicBenchmark() {
    }

    public static void main(String[] args) {
        long steps = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        measure("pendulum", () -> new PendulumEnvironment(PendulumConfig.DEFAULTS), steps);
        measure("cartpole", () -> new CartPoleEnvironment(CartPoleConfig.DEFAULTS), steps);
        measure("reacher", () -> new ReacherEnvironment(ReacherConfig.DEFAULTS), steps);
    }

    private static void measure(String name, Supplier<Environment> factory, long steps) {
        for (boolean expert : new boolean[] {true, false}) {
            run(factory.get(), expert, steps / 4);
            long started = System.nanoTime();
            long episodes = run(factory.get(), expert, steps);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%-9s %-7s %,12.0f steps/s  (%,d steps, %,d episodes, %.2f s)%n", name,
                    expert ? "expert" : "random", steps / seconds, steps, episodes, seconds);
        }
    }

    /** Steps {@code env} for {@code steps} steps, resetting after each episode; the episode count. */
    private static long run(Environment env, boolean expert, long steps) {
        SplittableRandom random = new SplittableRandom(1);
        int dimension = env.actionSpace().dimension();
        long episodes = 1;
        Observation o = env.reset(0);
        for (long t = 0; t < steps; t++) {
            Action a = expert ? env.expert().act(o, Action.zeros(dimension)) : randomAction(random, dimension);
            StepResult r = env.step(a);
            o = r.observation();
            if (r.done()) {
                o = env.reset(episodes++);
            }
        }
        return episodes;
    }

    private static Action randomAction(SplittableRandom random, int dimension) {
        float[] a = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            a[i] = (float) (2 * random.nextDouble() - 1);
        }
        return Action.of(a);
    }
}
