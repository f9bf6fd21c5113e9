package io.corrigo.plugin.oracle;

import java.util.random.RandomGenerator;

/**
 * CLIC's Gaussian noise: adds {@code ε ~ N(0, σ² I)} with {@code σ = scale·‖d‖} per dimension,
 * {@code d} being the clean correction (CLIC: scale ½, for velocity actions).
 */
final class GaussianNoise implements CorrectionNoise {

    private final double scale;

    GaussianNoise(double scale) {
        if (!(scale > 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("scale must be a finite number > 0: " + scale);
        }
        this.scale = scale;
    }

    @Override
    public double[] apply(double[] correction, double[] original, RandomGenerator random) {
        double sigma = scale * Vectors.norm(original);
        double[] noisy = correction.clone();
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += sigma * random.nextGaussian();
        }
        return noisy;
    }
}
