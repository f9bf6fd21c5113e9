package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.Action;
import io.corrigo.api.ConfigException;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.plugin.oracle.AbsoluteCorrectionConfig.Noise;
import io.corrigo.testkit.FeedbackSimulatorContract;
import io.corrigo.testkit.TestRunContext;
import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** CLIC's noisy teacher with every noise model on: the contract, composition, seeding, 1-D rules. */
@Epic("Feedback")
@Feature("absolute")
class NoisyAbsoluteCorrectionSimulatorTest implements FeedbackSimulatorContract<AbsoluteCorrectionConfig> {

    private static final Noise ALL = new Noise(45, 15, 2, true, 0.5);

    @Override
    public FeedbackSimulatorProvider<AbsoluteCorrectionConfig> provider() {
        return new AbsoluteCorrectionProvider();
    }

    @Override
    public Environment environment() {
        return new BoxEnvironment();
    }

    @Override
    public AbsoluteCorrectionConfig config() {
        return AbsoluteCorrectionConfig.DEFAULTS.withNoise(ALL);
    }

    @Test
    void producesAbsoluteCorrectionsWhateverTheNoise() {
        assertThat(provider().produces(config())).containsExactly(FeedbackKind.ABSOLUTE);
        assertThat(provider().produces(AbsoluteCorrectionConfig.DEFAULTS)).containsExactly(FeedbackKind.ABSOLUTE);
    }

    @Test
    void noisyCorrectionsAreClippedIntoTheActionSpace() {
        Space box = Space.cube(2, -1, 1);
        assertThat(trial(47)).map(Exchange::response).map(Response::feedback)
                .filteredOn(f -> f instanceof Feedback.AbsoluteCorrection)
                .hasSizeGreaterThan(50)
                .allSatisfy(f -> assertThat(box.contains(((Feedback.AbsoluteCorrection) f).action())).isTrue());
    }

    @Test
    void differentSeedsGiveDifferentNoise() {
        assertThat(trial(53)).isNotEqualTo(trial(59));
    }

    @Test
    void noiseComesOnlyFromTheFeedbackStreamOfTheContext() {
        TestRunContext context = TestRunContext.withSeed(61);
        AbsoluteCorrectionSimulator expected = new AbsoluteCorrectionSimulator(
                config(), Space.cube(2, -1, 1), context.random(AbsoluteCorrectionProvider.STREAM));
        try (Environment env = environment();
             FeedbackSimulator simulator = provider().create(config(), env, TestRunContext.withSeed(61))) {
            for (int step = 1; step <= 40; step++) {
                Query query = new Query(Observation.of(0, 0), Action.of(0.6f, -0.3f), Action.of(-0.4f, 0.2f), step);
                assertThat(simulator.respond(query)).isEqualTo(expected.respond(query));
            }
        }
    }

    @Test
    void stagesRunInClicsOrderDirectionalMagnitudeGaussian() {
        assertThat(CorrectionNoise.of(ALL)).extracting(Object::getClass)
                .containsExactly(DirectionalNoise.class, MagnitudeNoise.class, GaussianNoise.class);
        assertThat(CorrectionNoise.of(Noise.DEFAULTS)).isEmpty();
    }

    @Test
    void gaussianScaleFollowsTheCleanCorrectionNotTheShrunkenOne() {
        Noise shrinkThenJitter = new Noise(0, 0, 0.0011, true, 0.5);
        AbsoluteCorrectionSimulator simulator = new AbsoluteCorrectionSimulator(
                AbsoluteCorrectionConfig.DEFAULTS.withNoise(shrinkThenJitter), Space.cube(2, -10, 10),
                new SplittableRandom(67));
        // d = (0, 0) - (0.8, 0): σ = 0.4 per dimension, although magnitude noise shrinks d̃ to ≈ 0.001·d
        int n = 4_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            Feedback f = simulator.respond(new Query(Observation.of(0, 0), Action.of(0.8f, 0), Action.zeros(2), 2))
                    .feedback();
            double y = ((Feedback.AbsoluteCorrection) f).action().get(1);
            sum += y;
            squares += y * y;
        }
        double sigma = Math.sqrt(squares / n - (sum / n) * (sum / n));
        Allure.step(String.format("magnitude 0.0011 then Gaussian: measured σ = %.4f (expected 0.4)", sigma));
        assertThat(sigma).isBetween(0.38, 0.42);
    }

    @Test
    void rejectsDirectionalNoiseInAOneDimensionalActionSpace() {
        try (Environment line = new BoxEnvironment(1)) {
            assertThatThrownBy(() -> provider().create(config(), line, TestRunContext.withSeed(1)))
                    .isInstanceOf(ConfigException.class)
                    .satisfies(e -> assertThat(((ConfigException) e).violations())
                            .extracting(ConfigException.Violation::field).containsExactly("noise.directionalDegrees"))
                    .hasMessageContaining("at least 2 dimensions");
        }
    }

    @Test
    void acceptsGaussianAndMagnitudeNoiseInAOneDimensionalActionSpace() {
        AbsoluteCorrectionConfig config = AbsoluteCorrectionConfig.DEFAULTS.withNoise(new Noise(0, 0, 2, true, 0.5));
        try (Environment line = new BoxEnvironment(1);
             FeedbackSimulator simulator = provider().create(config, line, TestRunContext.withSeed(1))) {
            Response r = simulator.respond(new Query(Observation.of(0), Action.of(0.9f), Action.of(-0.9f), 2));
            assertThat(r.feedback()).isInstanceOf(Feedback.AbsoluteCorrection.class);
        }
    }
}
