package io.corrigo.plugin.clic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

@Epic("Learners")
@Feature("clic-explicit")
class ExplicitHingesTest {

    @Test
    void theAffineRowsAreTheDifferencesOfSquaredDistances() {
        int d = 3;
        int m = 8;
        float[] robot = {0.1f, -0.3f, 0.2f};
        float[] h = {0.4f, 0.2f, -0.1f};
        Correction c = new Correction(robot, h, 0.5f);
        ExplicitHinges hinges = new ExplicitHinges(d, 30, 0.3, m, 0.2, 0.02);
        float[] u = new float[(m + 1) * d];
        float[] beta = new float[m + 1];
        hinges.fill(0, c, new SplittableRandom(1), u, beta);
        float[] v = new float[m * d];
        ImplicitHalfspaces.directions(h, Math.toRadians(30), m, new SplittableRandom(1), v);
        SplittableRandom r = new SplittableRandom(2);
        for (int trial = 0; trial < 5; trial++) {
            double[] a = {r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1)};
            double[] anchor = new double[d];
            double[] plus = new double[d];
            for (int i = 0; i < d; i++) {
                anchor[i] = robot[i] + 0.3 * 0.5 * h[i];
                plus[i] = robot[i] + 0.5 * h[i];
            }
            assertThat(row(u, beta, 0, a)).isCloseTo(sq(a, anchor) - sq(a, toDouble(robot)), within(1e-5));
            for (int k = 0; k < m; k++) {
                double[] negative = new double[d];
                for (int i = 0; i < d; i++) {
                    negative[i] = anchor[i] + 0.5 * 0.7 * v[k * d + i];
                }
                assertThat(row(u, beta, k + 1, a)).isCloseTo(sq(a, plus) - sq(a, negative), within(1e-5));
            }
        }
        assertThat(hinges.weights()[0]).isEqualTo(0.2f);
        assertThat(hinges.weights()[1]).isCloseTo(0.02f * 16, within(1e-7f));
    }

    private static double row(float[] u, float[] beta, int k, double[] a) {
        double s = beta[k];
        for (int i = 0; i < a.length; i++) {
            s += u[k * a.length + i] * a[i];
        }
        return s;
    }

    private static double sq(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
