package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.corrigo.api.Action;
import io.corrigo.api.ConfigException;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.feedback.Response.Executor;
import io.corrigo.plugin.oracle.RelativeCorrectionConfig.Noise;
import io.corrigo.testkit.FeedbackSimulatorContract;
import io.corrigo.testkit.TestRunContext;
import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CLIC's relative teacher: the contract, unit directions, exact rotation, the executed step. */
@Epic("Feedback")
@Feature("relative")
class RelativeCorrectionSimulatorTest implements FeedbackSimulatorContract<RelativeCorrectionConfig> {

    private static final Space BOX = Space.cube(2, -1, 1);

    @Override
    public FeedbackSimulatorProvider<RelativeCorrectionConfig> provider() {
        return new RelativeCorrectionProvider();
    }

    @Override
    public Environment environment() {
        return new BoxEnvironment();
    }

    @Test
    void producesRelativeCorrections() {
        assertThat(provider().produces(config())).containsExactly(FeedbackKind.RELATIVE);
    }

    @Test
    void accurateDirectionIsTheNormalisedCorrectionWithClicsStep() {
        RelativeCorrectionSimulator simulator = simulator(immediate(Noise.DEFAULTS), BOX);
        Query query = new Query(Observation.of(0, 0), Action.of(0.5f, -0.5f), Action.of(-0.1f, 0.3f), 2);
        Response r = simulator.respond(query);
        assertThat(r.feedback()).isEqualTo(new Feedback.RelativeCorrection(Action.of(-0.6f, 0.8f), 0.2));
        assertThat(r.executed()).isEqualTo(Action.of(0.5f - 0.12f, -0.5f + 0.16f));
        assertThat(r.executedBy()).isEqualTo(Executor.TEACHER);
    }

    @Test
    void givesNoFeedbackWithinTheThreshold() {
        RelativeCorrectionSimulator simulator = simulator(immediate(Noise.DEFAULTS), BOX);
        Query near = new Query(Observation.of(0, 0), Action.of(0.19f, 0), Action.zeros(2), 2);
        assertThat(simulator.respond(near)).isEqualTo(Response.silent(near.proposed()));
    }

    @ParameterizedTest(name = "{0}° ± {1}° in {2} dimensions")
    @CsvSource({"45, 0, 2", "45, 0, 7", "30, 0, 2", "60, 0, 14", "45, 15, 2", "45, 15, 7"})
    void directionIsAUnitVectorAtExactlyTheNoiseAngleFromTheCorrection(double degrees, double bias, int dimension) {
        Space space = Space.cube(dimension, -1, 1);
        RelativeCorrectionSimulator simulator = simulator(immediate(new Noise(degrees, bias)), space);
        SplittableRandom random = new SplittableRandom(dimension);
        double worstNorm = 0;
        double worstAngle = 0;
        int above = 0;
        int draws = 2_000;
        for (int i = 0; i < draws; i++) {
            double[] teacher = DirectionalNoiseTest.randomVector(dimension, random);
            double[] robot = DirectionalNoiseTest.randomVector(dimension, random);
            double[] d = Vectors.minus(Vectors.of(Action.ofDoubles(teacher)), Vectors.of(Action.ofDoubles(robot)));
            if (Vectors.norm(d) <= 0.2) {
                continue;
            }
            Feedback f = simulator.respond(new Query(Observation.of(new float[dimension]), Action.ofDoubles(robot),
                    Action.ofDoubles(teacher), 2)).feedback();
            double[] h = Vectors.of(((Feedback.RelativeCorrection) f).direction());
            double angle = Math.toDegrees(DirectionalNoiseTest.angle(d, h));
            worstNorm = Math.max(worstNorm, Math.abs(Vectors.norm(h) - 1));
            double error = Math.min(Math.abs(angle - degrees - bias), Math.abs(angle - degrees + bias));
            worstAngle = Math.max(worstAngle, error);
            above += angle > degrees ? 1 : 0;
        }
        Allure.step(String.format(Locale.ROOT, "θ=%s°±%s°, %d-D: max |‖h‖−1| %.2e, max angle error %.2e°, %d above θ",
                degrees, bias, dimension, worstNorm, worstAngle, above));
        assertThat(worstNorm).isLessThan(1e-6);
        assertThat(worstAngle).as("float directions").isLessThan(1e-3);
        if (bias > 0) {
            assertThat(above).as("both signs of the bias occur").isBetween(draws / 4, 3 * draws / 4);
        }
    }

    @Test
    void delayedStepIsExecutedAtTheNextStepFromTheCorrectedProposal() {
        RelativeCorrectionSimulator simulator = simulator(RelativeCorrectionConfig.DEFAULTS, BOX);
        Query corrected = new Query(Observation.of(0, 0), Action.of(0.5f, 0), Action.zeros(2), 2);
        Response given = simulator.respond(corrected);
        assertThat(given.executed()).isEqualTo(corrected.proposed());
        assertThat(given.executedBy()).isEqualTo(Executor.LEARNER);
        Response next = simulator.respond(new Query(Observation.of(0, 0), Action.of(-0.9f, 0.9f), Action.zeros(2), 3));
        assertThat(next.executed().get(0)).isCloseTo(0.3f, within(1e-6f));
        assertThat(next.executed().get(1)).isZero();
        assertThat(next.executedBy()).isEqualTo(Executor.TEACHER);
    }

    @Test
    void executedStepIsClippedIntoTheActionSpace() {
        RelativeCorrectionConfig smallThreshold = new RelativeCorrectionConfig(0.01, 1, true, false, 0.2, Noise.DEFAULTS,
                ExpertConfig.DEFAULTS);
        RelativeCorrectionSimulator simulator = simulator(smallThreshold, BOX);
        Response r = simulator.respond(new Query(Observation.of(0, 0), Action.of(0.95f, 0), Action.of(1, 0), 2));
        assertThat(r.feedback()).isEqualTo(new Feedback.RelativeCorrection(Action.of(1, 0), 0.2));
        assertThat(BOX.contains(r.executed())).isTrue();
        assertThat(r.executed().get(0)).isEqualTo(1f);
    }

    @Test
    void magnitudeIsConfigurable() {
        RelativeCorrectionConfig c = new RelativeCorrectionConfig(0.2, 1, true, false, 0.05, Noise.DEFAULTS, null);
        Response r = simulator(c, BOX).respond(new Query(Observation.of(0, 0), Action.of(0.5f, 0), Action.zeros(2), 1));
        assertThat(((Feedback.RelativeCorrection) r.feedback()).magnitude()).isEqualTo(0.05);
        assertThat(r.executed()).isEqualTo(Action.of(0.45f, 0));
    }

    @Test
    void rejectsDirectionalNoiseInAOneDimensionalActionSpace() {
        try (Environment line = new BoxEnvironment(1)) {
            assertThatThrownBy(() -> provider().create(RelativeCorrectionConfig.DEFAULTS.withNoise(new Noise(45, 0)),
                    line, TestRunContext.withSeed(1)))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("noise.directionalDegrees");
        }
    }

    static RelativeCorrectionConfig immediate(Noise noise) {
        return new RelativeCorrectionConfig(0.2, 1, true, false, 0.2, noise, ExpertConfig.DEFAULTS);
    }

    static RelativeCorrectionSimulator simulator(RelativeCorrectionConfig config, Space space) {
        return new RelativeCorrectionSimulator(config, space, new SplittableRandom(3), DegradedExpert.none(space));
    }
}
