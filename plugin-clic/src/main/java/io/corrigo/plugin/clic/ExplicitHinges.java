package io.corrigo.plugin.clic;

import java.util.random.RandomGenerator;

/**
 * CLIC-Explicit's loss terms for one correction (clic.md §4.6), with {@code c = a^r + γe·h},
 * {@code a^+ = a^r + e·h} and {@code n_k = c + e(1 − γ)·v_k}:
 * <pre>
 * L = mainWeight·max(0, ‖a − c‖² − ‖a − a^r‖²) + coneWeight·(128/M)·Σ_k max(0, ‖a − a^+‖² − ‖a − n_k‖²)
 * </pre>
 * Each hinge argument {@code ‖a − x‖² − ‖a − y‖² = u·a + β} is affine in the policy's action with
 * {@code u = −2(x − y)}, {@code β = ‖x‖² − ‖y‖²}; this class writes the {@code M + 1} rows {@code (u, β)},
 * main hinge first, and their weights.
 */
final class ExplicitHinges {

    private final int d;
    private final double alpha;
    private final double gamma;
    private final int m;
    private final float[] weights;
    private final float[] directions;

    ExplicitHinges(int actionSize, double alphaDegrees, double gamma, int halfspaces, double mainWeight,
                   double coneWeight) {
        this.d = actionSize;
        this.alpha = Math.toRadians(alphaDegrees);
        this.gamma = gamma;
        this.m = halfspaces;
        weights = new float[halfspaces + 1];
        weights[0] = (float) mainWeight;
        for (int k = 1; k <= halfspaces; k++) {
            weights[k] = (float) (coneWeight * 128.0 / halfspaces);
        }
        directions = new float[halfspaces * d];
    }

    /** {@code M + 1}. */
    int count() {
        return m + 1;
    }

    /** The weight of each hinge, main first. */
    float[] weights() {
        return weights.clone();
    }

    /**
     * Writes the rows of batch element {@code b}: {@code u} into {@code u[(b·(M+1) + k)·d …]} and
     * {@code β} into {@code beta[b·(M+1) + k]}.
     */
    void fill(int b, Correction c, RandomGenerator random, float[] u, float[] beta) {
        float e = c.scale();
        float[] h = c.h();
        float[] r = c.robot();
        double[] anchor = new double[d];
        double[] plus = new double[d];
        for (int i = 0; i < d; i++) {
            anchor[i] = r[i] + gamma * e * h[i];
            plus[i] = r[i] + e * h[i];
        }
        int row = b * (m + 1);
        write(row, anchor, toDouble(r), u, beta);
        ImplicitHalfspaces.directions(h, alpha, m, random, directions);
        double[] negative = new double[d];
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < d; i++) {
                negative[i] = anchor[i] + e * (1 - gamma) * directions[k * d + i];
            }
            write(row + 1 + k, plus, negative, u, beta);
        }
    }

    /** The row of "nearer {@code x} than {@code y}". */
    private void write(int row, double[] x, double[] y, float[] u, float[] beta) {
        double b = 0;
        for (int i = 0; i < d; i++) {
            u[row * d + i] = (float) (-2 * (x[i] - y[i]));
            b += x[i] * x[i] - y[i] * y[i];
        }
        beta[row] = (float) b;
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
