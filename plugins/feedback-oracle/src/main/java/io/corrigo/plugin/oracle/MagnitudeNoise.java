package io.corrigo.plugin.oracle;

import java.util.random.RandomGenerator;

/** CLIC's magnitude noise: scales the correction by {@code c ~ U(0.001, max)}. */
final class MagnitudeNoise implements CorrectionNoise {

    /** CLIC's lower bound of the scale factor. */
    static final double MIN_FACTOR = 0.001;

    private final double max;

    MagnitudeNoise(double max) {
        if (!(max > MIN_FACTOR && Double.isFinite(max))) {
            throw new IllegalArgumentException("max must be a finite number > " + MIN_FACTOR + ": " + max);
        }
        this.max = max;
    }

    @Override
    public double[] apply(double[] correction, double[] original, RandomGenerator random) {
        return Vectors.times(random.nextDouble(MIN_FACTOR, max), correction);
    }
}
