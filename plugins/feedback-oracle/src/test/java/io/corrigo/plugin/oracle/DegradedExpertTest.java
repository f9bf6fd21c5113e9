package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.corrigo.api.Action;
import io.corrigo.api.ConfigException;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.plugin.oracle.ExpertConfig.Degradation;
import io.corrigo.testkit.TestRunContext;
import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What each degradation does to an expert action, measured. */
@Epic("Feedback")
@Feature("suboptimal expert")
class DegradedExpertTest {

    /** Half-widths 1 and 2, centre (0, 1). */
    private static final Space SPACE = Space.box(new float[] {-1, -1}, new float[] {1, 3});
    private static final Action EXPERT = Action.of(0.4f, 1.5f);
    private static final int DRAWS = 20_000;

    @Test
    void noneIsTheExpertItself() {
        assertThat(DegradedExpert.none(SPACE).apply(Action.of(7, -7))).isEqualTo(Action.of(7, -7));
    }

    @Test
    void gaussianAddsLevelHalfWidthsOfNoisePerDimension() {
        DegradedExpert expert = new DegradedExpert(Degradation.GAUSSIAN, 0.3, SPACE, new SplittableRandom(1));
        double[] sum = new double[2];
        double[] squares = new double[2];
        for (int i = 0; i < DRAWS; i++) {
            double[] e = Vectors.minus(Vectors.of(expert.apply(EXPERT)), Vectors.of(EXPERT));
            for (int k = 0; k < 2; k++) {
                sum[k] += e[k];
                squares[k] += e[k] * e[k];
            }
        }
        double sigma0 = Math.sqrt(squares[0] / DRAWS);
        double sigma1 = Math.sqrt(squares[1] / DRAWS);
        Allure.step(String.format(Locale.ROOT, "level 0.3: σ %.4f (expected 0.3), %.4f (expected 0.6)", sigma0, sigma1));
        assertThat(sigma0).isCloseTo(0.3, within(0.006));
        assertThat(sigma1).isCloseTo(0.6, within(0.012));
        assertThat(sum[0] / DRAWS).isCloseTo(0, within(0.01));
    }

    @Test
    void epsilonRandomReplacesTheActionAtTheLevelsRateByAUniformOneInTheSpace() {
        DegradedExpert expert = new DegradedExpert(Degradation.EPSILON_RANDOM, 0.25, SPACE, new SplittableRandom(2));
        int replaced = 0;
        double meanY = 0;
        for (int i = 0; i < DRAWS; i++) {
            Action a = expert.apply(EXPERT);
            if (!a.equals(EXPERT)) {
                replaced++;
                meanY += a.get(1);
                assertThat(SPACE.contains(a)).isTrue();
            }
        }
        double rate = (double) replaced / DRAWS;
        Allure.step(String.format(Locale.ROOT, "level 0.25: %.4f replaced, their mean y %.3f (uniform on [-1, 3]: 1)",
                rate, meanY / replaced));
        assertThat(rate).isCloseTo(0.25, within(0.013));
        assertThat(meanY / replaced).isCloseTo(1, within(0.05));
    }

    @Test
    void biasAddsAConstantOffsetOfLevelHalfWidthsAlongTheDiagonal() {
        DegradedExpert expert = new DegradedExpert(Degradation.BIAS, 0.5, SPACE, new SplittableRandom(3));
        Action a = expert.apply(EXPERT);
        assertThat(a.get(0)).isCloseTo(0.4f + (float) (0.5 / Math.sqrt(2)), within(1e-6f));
        assertThat(a.get(1)).isCloseTo(1.5f + (float) (2 * 0.5 / Math.sqrt(2)), within(1e-6f));
        assertThat(expert.apply(EXPERT)).isEqualTo(a);
    }

    @Test
    void rotationTurnsTheActionAboutTheCentreByExactlyTheLevelInDegrees() {
        DegradedExpert expert = new DegradedExpert(Degradation.ROTATION, 60, SPACE, new SplittableRandom(4));
        double[] offset = Vectors.minus(Vectors.of(EXPERT), new double[] {0, 1});
        for (int i = 0; i < 1_000; i++) {
            double[] rotated = Vectors.minus(Vectors.of(expert.apply(EXPERT)), new double[] {0, 1});
            assertThat(Math.toDegrees(DirectionalNoiseTest.angle(offset, rotated))).isCloseTo(60, within(1e-3));
            assertThat(Vectors.norm(rotated)).isCloseTo(Vectors.norm(offset), within(1e-6));
        }
        assertThat(expert.apply(Action.of(0, 1))).as("the centre stays").isEqualTo(Action.of(0, 1));
    }

    @Test
    void createRejectsRotationInAOneDimensionalActionSpace() {
        try (Environment line = new BoxEnvironment(1)) {
            assertThatThrownBy(() -> DegradedExpert.create(new ExpertConfig(Degradation.ROTATION, 30, Double.NaN, 50), line,
                    TestRunContext.withSeed(1)))
                    .isInstanceOf(ConfigException.class).hasMessageStartingWith("expert.degradation: rotation needs");
        }
    }

    @Test
    void createDrawsFromTheExpertStreamOfTheContext() {
        ExpertConfig config = new ExpertConfig(Degradation.GAUSSIAN, 0.2, Double.NaN, 50);
        try (Environment box = new BoxEnvironment()) {
            DegradedExpert created = DegradedExpert.create(config, box, TestRunContext.withSeed(8));
            DegradedExpert expected = new DegradedExpert(Degradation.GAUSSIAN, 0.2, box.actionSpace(),
                    TestRunContext.withSeed(8).random(DegradedExpert.STREAM));
            for (int i = 0; i < 20; i++) {
                assertThat(created.apply(EXPERT)).isEqualTo(expected.apply(EXPERT));
            }
        }
    }
}
