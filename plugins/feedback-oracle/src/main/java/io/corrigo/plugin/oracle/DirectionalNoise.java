package io.corrigo.plugin.oracle;

import java.util.random.RandomGenerator;

/**
 * CLIC's directional noise: rotates the correction by θ in a random plane that contains it,
 * keeping its norm ({@code d̃ = cos θ'·d + sin θ'·‖d‖·u} with a random unit {@code u ⟂ d}). The
 * biased variant uses {@code θ' = θ ± bias} with a random sign per correction. Needs at least two
 * action dimensions.
 */
final class DirectionalNoise implements CorrectionNoise {

    /** Below this norm a Gram–Schmidt remainder counts as degenerate and is drawn again. */
    private static final double DEGENERATE = 1e-9;

    private final double radians;
    private final double biasRadians;

    DirectionalNoise(double degrees, double biasDegrees) {
        this.radians = Math.toRadians(degrees);
        this.biasRadians = Math.toRadians(biasDegrees);
    }

    @Override
    public double[] apply(double[] correction, double[] original, RandomGenerator random) {
        if (correction.length < 2) {
            throw new IllegalArgumentException("directional noise needs at least 2 action dimensions");
        }
        double[] perpendicular = Vectors.times(Vectors.norm(correction), orthogonalUnit(correction, random));
        double angle = biasRadians == 0 ? radians : radians + (random.nextBoolean() ? biasRadians : -biasRadians);
        return Vectors.combine(Math.cos(angle), correction, Math.sin(angle), perpendicular);
    }

    /**
     * A random unit vector orthogonal to {@code d}, as CLIC draws it: Gram–Schmidt of
     * {@code n − 1} Gaussian vectors against {@code d} and each other, combined with U[−1, 1]
     * coefficients, normalised.
     */
    static double[] orthogonalUnit(double[] d, RandomGenerator random) {
        int n = d.length;
        double[] axis = Vectors.times(1 / Vectors.norm(d), d);
        double[][] basis = new double[n - 1][];
        for (int i = 0; i < basis.length; i++) {
            basis[i] = orthonormalDraw(axis, basis, i, random);
        }
        while (true) {
            double[] v = new double[n];
            for (double[] b : basis) {
                v = Vectors.combine(1, v, random.nextDouble(-1, 1), b);
            }
            // one more projection keeps u ⟂ d to rounding precision
            v = Vectors.combine(1, v, -Vectors.dot(v, axis), axis);
            double length = Vectors.norm(v);
            if (length > DEGENERATE) {
                return Vectors.times(1 / length, v);
            }
        }
    }

    private static double[] orthonormalDraw(double[] axis, double[][] basis, int count, RandomGenerator random) {
        while (true) {
            double[] v = new double[axis.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextGaussian();
            }
            v = Vectors.combine(1, v, -Vectors.dot(v, axis), axis);
            for (int j = 0; j < count; j++) {
                v = Vectors.combine(1, v, -Vectors.dot(v, basis[j]), basis[j]);
            }
            double length = Vectors.norm(v);
            if (length > DEGENERATE) {
                return Vectors.times(1 / length, v);
            }
        }
    }
}
