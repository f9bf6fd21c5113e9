package io.corrigo.plugin.toys;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.env.StepResult;
import io.corrigo.testkit.TestRunContext;
import java.util.List;

/** Prints expert-driven steps per second for every environment of the bundle (not a test). */
final class ToysBenchmark {

    private ToysBenchmark() {
    }

    public static void main(String[] args) {
        List<EnvironmentProvider<?>> providers = List.of(new TwoRouteProvider(), new ParticleProvider(),
                new ToyBallProvider(), new ToySquareProvider(), new ToyTwoCirclesProvider(),
                new LineFollowingProvider(), new TwoLineFollowingProvider());
        for (EnvironmentProvider<?> provider : providers) {
            try (Environment env = create(provider)) {
                run(env, 200_000);
                long started = System.nanoTime();
                long steps = run(env, 2_000_000);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("%-26s %,12.0f expert steps/s%n", provider.getClass().getSimpleName(),
                        steps / seconds);
            }
        }
    }

    private static <C extends Record> Environment create(EnvironmentProvider<C> provider) {
        return provider.create(provider.defaultConfig(), TestRunContext.withSeed(1));
    }

    /** Runs expert episodes until at least {@code budget} steps; the steps taken. */
    private static long run(Environment env, long budget) {
        long steps = 0;
        for (long seed = 0; steps < budget; seed++) {
            Observation o = env.reset(seed);
            Action previous = Action.zeros(env.actionSpace().dimension());
            StepResult r = null;
            while (r == null || !r.done()) {
                previous = env.expert().act(o, previous);
                r = env.step(previous);
                o = r.observation();
                steps++;
            }
        }
        return steps;
    }
}
