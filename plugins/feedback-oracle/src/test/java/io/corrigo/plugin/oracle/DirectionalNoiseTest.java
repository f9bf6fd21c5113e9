package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Epic("Feedback")
@Feature("absolute")
class DirectionalNoiseTest {

    private static final int DRAWS = 2_000;

    @ParameterizedTest(name = "{0}° in {1} dimensions")
    @CsvSource({"45, 2", "45, 7", "45, 14", "30, 2", "30, 7", "60, 14", "90, 7", "180, 2"})
    void rotatesByExactlyTheAngleAndKeepsTheNorm(double degrees, int dimension) {
        DirectionalNoise noise = new DirectionalNoise(degrees, 0);
        SplittableRandom random = new SplittableRandom(dimension * 1_000L + (long) degrees);
        double worstAngle = 0;
        double worstNorm = 0;
        for (int i = 0; i < DRAWS; i++) {
            double[] d = randomVector(dimension, random);
            double[] rotated = noise.apply(d, d, random);
            worstAngle = Math.max(worstAngle, Math.abs(angle(d, rotated) - Math.toRadians(degrees)));
            worstNorm = Math.max(worstNorm, Math.abs(Vectors.norm(rotated) / Vectors.norm(d) - 1));
        }
        Allure.step(String.format("θ=%s°, %d-D: max angle error %.2e rad, max relative norm error %.2e",
                degrees, dimension, worstAngle, worstNorm));
        assertThat(worstAngle).isLessThan(1e-4);
        assertThat(worstNorm).isLessThan(1e-9);
    }

    @ParameterizedTest(name = "{0} dimensions")
    @ValueSource(ints = {2, 7, 14})
    void biasedVariantRotatesByThetaPlusOrMinusTheBiasWithBothSigns(int dimension) {
        DirectionalNoise noise = new DirectionalNoise(45, 15);
        SplittableRandom random = new SplittableRandom(dimension);
        int plus = 0;
        int minus = 0;
        for (int i = 0; i < DRAWS; i++) {
            double[] d = randomVector(dimension, random);
            double degrees = Math.toDegrees(angle(d, noise.apply(d, d, random)));
            if (Math.abs(degrees - 60) < Math.toDegrees(1e-4)) {
                plus++;
            } else if (Math.abs(degrees - 30) < Math.toDegrees(1e-4)) {
                minus++;
            }
        }
        Allure.step(String.format("45°±15°, %d-D: %d at 60°, %d at 30°, of %d", dimension, plus, minus, DRAWS));
        assertThat(plus + minus).as("every angle is 30° or 60°").isEqualTo(DRAWS);
        assertThat((double) plus / DRAWS).isBetween(0.45, 0.55);
    }

    @ParameterizedTest(name = "{0} dimensions")
    @ValueSource(ints = {2, 3, 7, 14})
    void orthogonalDirectionIsAUnitVectorPerpendicularToTheCorrectionAndUnbiased(int dimension) {
        SplittableRandom random = new SplittableRandom(97 + dimension);
        double[] d = randomVector(dimension, random);
        double[] mean = new double[dimension];
        for (int i = 0; i < DRAWS; i++) {
            double[] u = DirectionalNoise.orthogonalUnit(d, random);
            assertThat(Vectors.norm(u)).isCloseTo(1, within(1e-12));
            assertThat(Vectors.dot(u, d)).isCloseTo(0, within(1e-12));
            mean = Vectors.combine(1, mean, 1.0 / DRAWS, u);
        }
        Allure.step(String.format("%d-D: |mean of u| = %.4f over %d draws", dimension, Vectors.norm(mean), DRAWS));
        assertThat(Vectors.norm(mean)).as("random directions average out").isLessThan(0.1);
    }

    /** The angle between {@code a} and {@code b}, computed stably from parallel and perpendicular parts. */
    static double angle(double[] a, double[] b) {
        double[] unit = Vectors.times(1 / Vectors.norm(a), a);
        double parallel = Vectors.dot(b, unit);
        double perpendicular = Vectors.norm(Vectors.combine(1, b, -parallel, unit));
        return Math.atan2(perpendicular, parallel);
    }

    static double[] randomVector(int dimension, SplittableRandom random) {
        double[] v = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = random.nextDouble(-1, 1);
        }
        return Vectors.norm(v) < 0.05 ? randomVector(dimension, random) : v;
    }
}
