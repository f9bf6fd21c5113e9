package io.corrigo.plugin.clic;

import java.util.random.RandomGenerator;

/**
 * The directions of CLIC's implicit ("augmented") halfspaces (clic.md §4.4, {@code agents/CLIC_tf.py}):
 * {@code M} vectors {@code v_k = sin α·w_k + cos α·h} with {@code w_k = ‖h‖·Σ_i c_ki·b_i}, where
 * {@code b_1 … b_{d−1}} is an orthonormal basis of {@code h^⊥} and {@code c_k} random unit
 * coefficient vectors (alternately ±1 when {@code d − 1 = 1}). Hence {@code ‖v_k‖ = ‖h‖} and
 * {@code ∠(v_k, h) = α}.
 *
 * <p>The basis is Gram–Schmidt of the standard basis vectors against {@code ĥ}, skipping any whose
 * residual is (nearly) zero. The repository orthogonalises {@code e_1 … e_{d−1}}, which yields NaN when
 * {@code h} is parallel to one of them (its NaN guard then retries in vain). The {@code c_k} are
 * isotropic, so every orthonormal basis of {@code h^⊥} gives the same distribution of {@code v_k}. In
 * one dimension {@code h^⊥} is empty and {@code v_k = h}.
 */
final class ImplicitHalfspaces {

    private static final double DEGENERATE = 1e-3;

    private ImplicitHalfspaces() {
    }

    /** Writes {@code v_1 … v_M} into {@code out[k·d … (k+1)·d)}. */
    static void directions(float[] h, double alpha, int m, RandomGenerator random, float[] out) {
        int d = h.length;
        double norm = 0;
        for (float v : h) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        double[][] basis = basis(h, norm);
        double sin = Math.sin(alpha);
        double cos = Math.cos(alpha);
        double[] c = new double[basis.length];
        for (int k = 0; k < m; k++) {
            coefficients(c, k, random);
            for (int i = 0; i < d; i++) {
                double w = 0;
                for (int j = 0; j < basis.length; j++) {
                    w += c[j] * basis[j][i];
                }
                out[k * d + i] = (float) (basis.length == 0 ? h[i] : sin * norm * w + cos * h[i]);
            }
        }
    }

    /** An orthonormal basis of {@code h^⊥} ({@code d − 1} rows). */
    static double[][] basis(float[] h, double norm) {
        int d = h.length;
        double[][] vectors = new double[d][];
        vectors[0] = new double[d];
        for (int i = 0; i < d; i++) {
            vectors[0][i] = h[i] / norm;
        }
        int found = 1;
        for (int e = 0; e < d && found < d; e++) {
            double[] v = new double[d];
            v[e] = 1;
            for (int j = 0; j < found; j++) {
                double dot = vectors[j][e];
                for (int i = 0; i < d; i++) {
                    v[i] -= dot * vectors[j][i];
                }
            }
            double length = 0;
            for (double x : v) {
                length += x * x;
            }
            length = Math.sqrt(length);
            if (length > DEGENERATE) {
                for (int i = 0; i < d; i++) {
                    v[i] /= length;
                }
                vectors[found++] = v;
            }
        }
        double[][] perpendicular = new double[d - 1][];
        System.arraycopy(vectors, 1, perpendicular, 0, d - 1);
        return perpendicular;
    }

    private static void coefficients(double[] c, int k, RandomGenerator random) {
        if (c.length == 1) {
            c[0] = k % 2 == 0 ? 1 : -1;
            return;
        }
        double length = 0;
        for (int j = 0; j < c.length; j++) {
            c[j] = random.nextGaussian();
            length += c[j] * c[j];
        }
        length = Math.sqrt(length);
        for (int j = 0; j < c.length; j++) {
            c[j] /= length;
        }
    }
}
