package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Epic("Feedback")
@Feature("absolute")
class GaussianNoiseTest {

    private static final int DRAWS = 20_000;

    @ParameterizedTest(name = "scale {0} in {1} dimensions")
    @CsvSource({"0.5, 2", "0.5, 7", "0.25, 2"})
    void noiseHasZeroMeanAndSigmaScaleTimesTheCorrectionNormPerDimension(double scale, int dimension) {
        SplittableRandom random = new SplittableRandom(7 * dimension);
        double[] d = DirectionalNoiseTest.randomVector(dimension, random);
        double sigma = scale * Vectors.norm(d);
        GaussianNoise noise = new GaussianNoise(scale);
        double[] sum = new double[dimension];
        double[] squares = new double[dimension];
        for (int i = 0; i < DRAWS; i++) {
            double[] eps = Vectors.minus(noise.apply(d, d, random), d);
            for (int k = 0; k < dimension; k++) {
                sum[k] += eps[k];
                squares[k] += eps[k] * eps[k];
            }
        }
        double worstSigma = 0;
        double worstMean = 0;
        for (int k = 0; k < dimension; k++) {
            double mean = sum[k] / DRAWS;
            double measured = Math.sqrt(squares[k] / DRAWS - mean * mean);
            worstSigma = Math.max(worstSigma, Math.abs(measured / sigma - 1));
            worstMean = Math.max(worstMean, Math.abs(mean) / sigma);
        }
        Allure.step(String.format("scale %s, %d-D, σ=%.4f: max |σ̂/σ − 1| = %.4f, max |mean|/σ = %.4f over %d draws",
                scale, dimension, sigma, worstSigma, worstMean, DRAWS));
        // standard errors: σ̂ ≈ σ/√(2n) = 0.5 %, mean ≈ σ/√n = 0.7 %; allow about four
        assertThat(worstSigma).isLessThan(0.02);
        assertThat(worstMean).isLessThan(0.03);
    }

    @Test
    void addsToTheCorrectionItIsGivenButScalesWithTheOriginal() {
        GaussianNoise noise = new GaussianNoise(0.5);
        double[] zero = {0, 0};
        double[] original = {3, 4};
        SplittableRandom random = new SplittableRandom(5);
        double spread = 0;
        for (int i = 0; i < 2_000; i++) {
            spread = Math.max(spread, Vectors.norm(noise.apply(zero, original, random)));
        }
        assertThat(spread).as("σ = 2.5, so some draws land far from the zero correction").isGreaterThan(5);
    }

    @Test
    void rejectsNonPositiveScale() {
        assertThatThrownBy(() -> new GaussianNoise(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
