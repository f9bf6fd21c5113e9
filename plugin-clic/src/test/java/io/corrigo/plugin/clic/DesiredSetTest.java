package io.corrigo.plugin.clic;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The soft sets in the limit {@code κ → 0}, where they become the hard cone and ball. */
@Epic("Learners")
@Feature("clic-half")
class DesiredSetTest {

    private static final double KAPPA = 1e-3;

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {2, 7})
    void theConeIsAlmostCertainOnItsAxisAndImpossibleOutside(int d) {
        SplittableRandom random = new SplittableRandom(d);
        float[] robot = new float[d];
        float[] h = new float[d];
        for (int i = 0; i < d; i++) {
            robot[i] = (float) (0.3 * random.nextGaussian());
            h[i] = (float) (0.3 * random.nextGaussian());
        }
        Correction c = new Correction(robot, h, 1f);
        double[] u = unit(h);
        double[] apex = add(robot, h, 0.1);
        double norm = c.norm();
        float[] onAxis = along(apex, u, 0.5 * norm);
        float[] farOnAxis = along(apex, u, 2 * norm);
        float[] tilted = along(apex, tilted(u, random, Math.toRadians(40)), 0.5 * norm);
        float[] behind = along(toDouble(robot), u, -0.3 * norm);
        double[] coarse = likelihoods(d, c, KAPPA, onAxis, farOnAxis, tilted, behind);
        double[] fine = likelihoods(d, c, KAPPA / 10, onAxis, farOnAxis, tilted, behind);
        assertThat(fine[0]).as("on the axis beyond the apex").isGreaterThan(-1e-3);
        assertThat(fine[1]).as("far along the axis").isGreaterThan(-1e-3);
        // outside, ℓ grows like 1/κ: P(a ∈ A) = exp(ℓ) vanishes as κ → 0
        assertThat(coarse[2]).as("at 40° from the axis, outside the 15° half-angle").isLessThan(-2);
        assertThat(fine[2]).isLessThan(8 * coarse[2]);
        assertThat(coarse[3]).as("behind the main plane").isLessThan(-10);
        assertThat(fine[3]).isLessThan(8 * coarse[3]);
    }

    private static double[] likelihoods(int d, Correction c, double kappa, float[]... points) {
        HalfspaceCone cone = new HalfspaceCone(d, 1, 30, 0.1, kappa, 128, 0.3);
        cone.prepare(0, c, new SplittableRandom(7));
        double[] out = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            out[i] = cone.logLikelihood(0, points[i], 0);
        }
        return out;
    }

    @Test
    void theBallIsAlmostCertainAtItsCentreAndImpossibleBeyondItsRim() {
        float[] robot = {0.2f, -0.4f, 0.1f};
        float[] h = {0.3f, 0.4f, 0f};
        Correction c = new Correction(robot, h, 1f);
        Ball ball = new Ball(3, 1, 0.5, KAPPA);
        ball.prepare(0, c, new SplittableRandom(1));
        double rho = 0.5 * c.norm();
        double[] centre = add(robot, h, 1);
        assertThat(ball.logLikelihood(0, along(centre, new double[] {1, 0, 0}, 0), 0)).isGreaterThan(-1e-6);
        assertThat(ball.logLikelihood(0, along(centre, new double[] {0, 0, 1}, 0.5 * rho), 0)).isGreaterThan(-1e-6);
        assertThat(ball.logLikelihood(0, along(centre, new double[] {0, 0, 1}, 1.5 * rho), 0)).isLessThan(-50);
        assertThat(ball.logLikelihood(0, along(centre, new double[] {0, 1, 0}, 1.5 * rho), 0)).isLessThan(-50);
    }

    @Test
    void softInIsZeroInsideAndLinearOutside() {
        assertThat(DesiredSet.softIn(-1, 0.1)).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(DesiredSet.softIn(1, 0.1)).isCloseTo(-10, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(DesiredSet.softIn(0, 0.1)).isCloseTo(-Math.log(2), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(DesiredSet.softIn(1e6, 0.05)).isFinite();
    }

    static double[] unit(float[] h) {
        double n = 0;
        for (float v : h) {
            n += v * v;
        }
        n = Math.sqrt(n);
        double[] u = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            u[i] = h[i] / n;
        }
        return u;
    }

    static double[] add(float[] a, float[] b, double scale) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + scale * b[i];
        }
        return out;
    }

    static float[] along(double[] origin, double[] direction, double t) {
        float[] out = new float[origin.length];
        for (int i = 0; i < origin.length; i++) {
            out[i] = (float) (origin[i] + t * direction[i]);
        }
        return out;
    }

    /** {@code u} rotated by {@code angle} towards a random perpendicular direction. */
    static double[] tilted(double[] u, SplittableRandom random, double angle) {
        double[] p = new double[u.length];
        double dot = 0;
        for (int i = 0; i < u.length; i++) {
            p[i] = random.nextGaussian();
            dot += p[i] * u[i];
        }
        double n = 0;
        for (int i = 0; i < u.length; i++) {
            p[i] -= dot * u[i];
            n += p[i] * p[i];
        }
        n = Math.sqrt(n);
        double[] out = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            out[i] = Math.cos(angle) * u[i] + Math.sin(angle) * p[i] / n;
        }
        return out;
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
