package io.corrigo.plugin.oracle;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.Environment;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.feedback.Query;
import io.corrigo.plugin.oracle.ExpertConfig.Degradation;
import io.corrigo.testkit.TestRunContext;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Speed of the simulators: microseconds per {@code respond()} on the 2-D box (learner random,
 * environment not stepped), and the time of a calibration on the corridor. Run with
 * {@code java -cp <test classpath> io.corrigo.plugin.oracle.OracleBenchmark}.
 */
final class OracleBenchmark {

    private static final int STEPS = 200_000;

    private OracleBenchmark() {
    }

    public static void main(String[] args) {
        for (int round = 0; round < 2; round++) {
            System.out.println(round == 0 ? "warm-up" : "measured");
            time("absolute (CLIC noise on)", new AbsoluteCorrectionProvider(),
                    AbsoluteCorrectionConfig.DEFAULTS.withNoise(new AbsoluteCorrectionConfig.Noise(45, 15, 2, true, 0.5)));
            time("relative (45°)", new RelativeCorrectionProvider(),
                    RelativeCorrectionConfig.DEFAULTS.withNoise(new RelativeCorrectionConfig.Noise(45, 0)));
            time("partial", new PartialCorrectionProvider(), PartialCorrectionConfig.DEFAULTS);
            time("action-distance", new ActionDistanceGateProvider(), ActionDistanceGateConfig.DEFAULTS);
            time("value one-step", new ValueGateProvider(), ValueGateConfig.DEFAULTS);
            time("value rollout H=10", new ValueGateProvider(),
                    ValueGateConfig.DEFAULTS.withEstimator(ValueGateConfig.Estimator.ROLLOUT, 10));
            time("random", new RandomGateProvider(), RandomGateConfig.DEFAULTS);
            time("dagger (gaussian expert)", new DaggerProvider(),
                    DaggerConfig.DEFAULTS.withExpert(new ExpertConfig(Degradation.GAUSSIAN, 0.3, Double.NaN, 50)));
            calibration(50);
            calibration(200);
        }
    }

    private static <C extends Record> void time(String name, FeedbackSimulatorProvider<C> provider, C config) {
        SplittableRandom random = new SplittableRandom(1);
        try (BoxEnvironment env = new BoxEnvironment();
             FeedbackSimulator simulator = provider.create(config, env, TestRunContext.withSeed(1))) {
            Observation o = env.reset(1);
            Action expert = env.expert().act(o, Action.zeros(2));
            simulator.startEpisode();
            long start = System.nanoTime();
            for (int t = 1; t <= STEPS; t++) {
                Action proposed = Action.ofDoubles(random.nextDouble(-1, 1), random.nextDouble(-1, 1));
                simulator.respond(new Query(o, proposed, expert, t));
            }
            double micros = (System.nanoTime() - start) / 1e3 / STEPS;
            System.out.printf(Locale.ROOT, "  %-26s %7.3f µs/step%n", name, micros);
        }
    }

    private static void calibration(int episodes) {
        long start = System.nanoTime();
        try (Environment corridor = new CorridorEnvironment()) {
            DegradedExpert expert = DegradedExpert.create(new ExpertConfig(Degradation.GAUSSIAN, 0, 0.4, episodes), corridor,
                    TestRunContext.withSeed(1));
            System.out.printf(Locale.ROOT, "  calibration, %d episodes: level %.4f in %.1f ms%n", episodes, expert.level(),
                    (System.nanoTime() - start) / 1e6);
        }
    }
}
