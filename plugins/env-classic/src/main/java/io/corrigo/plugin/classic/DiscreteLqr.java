package io.corrigo.plugin.classic;

/**
 * The infinite-horizon discrete-time linear-quadratic regulator of a single-input system
 * {@code x' = Ax + Bu} with cost {@code Σ xᵀQx + R u²} ({@code Q} diagonal), found by iterating the
 * Riccati equation {@code P ← Q + AᵀPA − AᵀPB (R + BᵀPB)⁻¹ BᵀPA} from {@code P = Q} to its fixed
 * point. The control is {@code u = −Kx} with {@code K = (R + BᵀPB)⁻¹ BᵀPA}; {@code xᵀPx} is the
 * optimal cost-to-go. Immutable.
 */
final class DiscreteLqr {

    private static final int MAX_ITERATIONS = 100_000;
    private static final double TOLERANCE = 1e-10;

    private final double[] gains;
    private final double[][] costToGo;

    private DiscreteLqr(double[] gains, double[][] costToGo) {
        this.gains = gains;
        this.costToGo = costToGo;
    }

    /**
     * Solves the regulator problem.
     *
     * @throws IllegalStateException if the iteration does not converge (the pair (A, B) is not
     *                               stabilisable)
     */
    static DiscreteLqr solve(double[][] a, double[] b, double[] stateWeights, double inputWeight) {
        int n = b.length;
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            p[i][i] = stateWeights[i];
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] k = gains(a, b, p, inputWeight);
            double[][] next = riccatiStep(a, b, p, k, stateWeights, inputWeight);
            double change = 0;
            double scale = 1;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    change = Math.max(change, Math.abs(next[i][j] - p[i][j]));
                    scale = Math.max(scale, Math.abs(next[i][j]));
                }
            }
            p = next;
            if (!Double.isFinite(scale)) {
                break;
            }
            if (change <= TOLERANCE * scale) {
                return new DiscreteLqr(gains(a, b, p, inputWeight), p);
            }
        }
        throw new IllegalStateException("the Riccati iteration did not converge: the system is not stabilisable");
    }

    /** {@code K = (R + BᵀPB)⁻¹ BᵀPA} for a symmetric {@code P}. */
    private static double[] gains(double[][] a, double[] b, double[][] p, double r) {
        int n = b.length;
        double[] pb = multiply(p, b);
        double denominator = r + dot(b, pb);
        double[] k = new double[n];
        for (int j = 0; j < n; j++) {
            double bpa = 0;
            for (int i = 0; i < n; i++) {
                bpa += pb[i] * a[i][j];
            }
            k[j] = bpa / denominator;
        }
        return k;
    }

    /**
     * {@code Q + AᵀPA − (AᵀPB) K}, computed on one triangle and mirrored: left to rounding, {@code P}
     * drifts away from symmetry and the iteration diverges.
     */
    private static double[][] riccatiStep(double[][] a, double[] b, double[][] p, double[] k, double[] q,
                                          double r) {
        int n = b.length;
        double[] bpa = new double[n];
        double denominator = r + dot(b, multiply(p, b));
        for (int j = 0; j < n; j++) {
            bpa[j] = k[j] * denominator;
        }
        double[][] next = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = (i == j ? q[i] : 0) - bpa[i] * k[j];
                for (int s = 0; s < n; s++) {
                    for (int t = 0; t < n; t++) {
                        v += a[s][i] * p[s][t] * a[t][j];
                    }
                }
                next[i][j] = v;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                next[i][j] = next[j][i];
            }
        }
        return next;
    }

    /** The control {@code u = −Kx}. */
    double control(double[] x) {
        return -dot(gains, x);
    }

    /** The optimal cost-to-go {@code xᵀPx}. */
    double costToGo(double[] x) {
        return dot(x, multiply(costToGo, x));
    }

    /** A copy of the gains {@code K}. */
    double[] gains() {
        return gains.clone();
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = dot(m[i], v);
        }
        return r;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }
}
