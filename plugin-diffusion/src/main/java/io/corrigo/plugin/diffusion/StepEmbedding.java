package io.corrigo.plugin.diffusion;

/**
 * The sinusoidal embedding of diffusion timesteps (Diffusion Policy's {@code SinusoidalPosEmb}):
 * with {@code h = dim/2} and {@code w_k = exp(−k·ln(10000)/(h − 1))}, the embedding of {@code t} is
 * {@code [sin(t·w_0) … sin(t·w_{h−1}), cos(t·w_0) … cos(t·w_{h−1})]}. Precomputed for every
 * timestep. Immutable.
 */
final class StepEmbedding {

    private final int dimension;
    private final float[][] table;

    /** Embeddings of width {@code dimension} (even, &gt;= 4) for timesteps {@code 0..steps−1}. */
    StepEmbedding(int dimension, int steps) {
        if (dimension < 4 || dimension % 2 != 0) {
            throw new IllegalArgumentException("the step embedding needs an even width >= 4, got " + dimension);
        }
        this.dimension = dimension;
        int half = dimension / 2;
        double scale = Math.log(10000) / (half - 1);
        table = new float[steps][dimension];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < half; k++) {
                double angle = t * Math.exp(-k * scale);
                table[t][k] = (float) Math.sin(angle);
                table[t][half + k] = (float) Math.cos(angle);
            }
        }
    }

    int dimension() {
        return dimension;
    }

    /** Copies the embedding of {@code t} into {@code target[offset …]}. */
    void write(int t, float[] target, int offset) {
        System.arraycopy(table[t], 0, target, offset, dimension);
    }
}
