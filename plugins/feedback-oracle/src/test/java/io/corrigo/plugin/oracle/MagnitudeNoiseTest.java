package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Epic("Feedback")
@Feature("absolute")
class MagnitudeNoiseTest {

    private static final int DRAWS = 20_000;

    @ParameterizedTest(name = "max {0}")
    @ValueSource(doubles = {0.5, 1, 2})
    void scalesTheCorrectionByAUniformFactorBetweenOneThousandthAndTheMaximum(double max) {
        MagnitudeNoise noise = new MagnitudeNoise(max);
        SplittableRandom random = new SplittableRandom(11);
        double[] d = {0.3, -0.4, 0.2};
        double min = Double.POSITIVE_INFINITY;
        double largest = 0;
        double sum = 0;
        for (int i = 0; i < DRAWS; i++) {
            double[] scaled = noise.apply(d, d, random);
            double c = Vectors.dot(scaled, d) / Vectors.dot(d, d);
            assertThat(DirectionalNoiseTest.angle(d, scaled)).isCloseTo(0, within(1e-6));
            min = Math.min(min, c);
            largest = Math.max(largest, c);
            sum += c;
        }
        double mean = sum / DRAWS;
        double expected = (MagnitudeNoise.MIN_FACTOR + max) / 2;
        Allure.step(String.format("max %s: c in [%.5f, %.5f], mean %.4f (expected %.4f) over %d draws",
                max, min, largest, mean, expected, DRAWS));
        assertThat(min).isGreaterThanOrEqualTo(MagnitudeNoise.MIN_FACTOR).isLessThan(MagnitudeNoise.MIN_FACTOR + 0.01 * max);
        assertThat(largest).isLessThan(max).isGreaterThan(0.99 * max);
        // the standard error of the mean is max/√(12n) ≈ 0.2 % of max
        assertThat(mean).isCloseTo(expected, within(0.01 * max));
    }

    @Test
    void rejectsAMaximumAtOrBelowTheLowerBound() {
        assertThatThrownBy(() -> new MagnitudeNoise(0.001)).isInstanceOf(IllegalArgumentException.class);
    }
}
