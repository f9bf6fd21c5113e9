package io.corrigo.plugin.clic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Epic("Learners")
@Feature("clic-half")
class ImplicitHalfspacesTest {

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {2, 7, 14})
    void everyDirectionHasTheCorrectionsLengthAndMakesAngleAlphaWithIt(int d) {
        SplittableRandom random = new SplittableRandom(d);
        for (int trial = 0; trial < 5; trial++) {
            float[] h = new float[d];
            for (int i = 0; i < d; i++) {
                h[i] = (float) random.nextGaussian();
            }
            check(h, Math.toRadians(30), 64, random);
        }
    }

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {2, 7, 14})
    void anAxisAlignedCorrectionStillGivesAValidCone(int d) {
        float[] h = new float[d];
        h[0] = 0.4f;
        check(h, Math.toRadians(30), 16, new SplittableRandom(1));
    }

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {2, 7, 14})
    void theDirectionsSpreadAroundTheCorrection(int d) {
        float[] h = new float[d];
        h[d - 1] = 1f;
        float[] v = new float[200 * d];
        ImplicitHalfspaces.directions(h, Math.toRadians(30), 200, new SplittableRandom(2), v);
        double[] mean = new double[d];
        for (int k = 0; k < 200; k++) {
            for (int i = 0; i < d; i++) {
                mean[i] += v[k * d + i] / 200.0;
            }
        }
        // the perpendicular parts cancel on average: the mean lies along h, with length cos α
        assertThat(mean[d - 1]).isCloseTo(Math.cos(Math.toRadians(30)), within(1e-5));
        for (int i = 0; i < d - 1; i++) {
            assertThat(mean[i]).isCloseTo(0, within(0.1));
        }
    }

    private static void check(float[] h, double alpha, int m, SplittableRandom random) {
        int d = h.length;
        double hn = norm(h, 0, d);
        float[] v = new float[m * d];
        ImplicitHalfspaces.directions(h, alpha, m, random, v);
        for (int k = 0; k < m; k++) {
            double vn = norm(v, k * d, d);
            double dot = 0;
            for (int i = 0; i < d; i++) {
                dot += v[k * d + i] * h[i];
            }
            assertThat(vn).as("‖v_%d‖", k).isCloseTo(hn, within(1e-4 * hn));
            assertThat(Math.acos(Math.min(1, dot / (vn * hn)))).as("∠(v_%d, h)", k).isCloseTo(alpha, within(1e-3));
        }
    }

    private static double norm(float[] v, int offset, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += v[offset + i] * v[offset + i];
        }
        return Math.sqrt(s);
    }
}
