package io.corrigo.plugin.diffusion;

/**
 * The forward-process noise schedule: Diffusers' {@code squaredcos_cap_v2} (Nichol &amp; Dhariwal's
 * cosine schedule), as Diffusion Policy configures it. With
 * {@code f(u) = cos²(((u + 0.008)/1.008)·π/2)}: {@code β_i = min(1 − f((i+1)/T)/f(i/T), 0.999)},
 * {@code α_i = 1 − β_i}, {@code ᾱ_i = Π_{j≤i} α_j} for {@code i = 0..T−1}. Computed in double
 * precision. Immutable.
 */
final class NoiseSchedule {

    private static final double MAX_BETA = 0.999;

    private final double[] betas;
    private final double[] alphaBars;

    private NoiseSchedule(double[] betas) {
        this.betas = betas;
        alphaBars = new double[betas.length];
        double product = 1;
        for (int i = 0; i < betas.length; i++) {
            product *= 1 - betas[i];
            alphaBars[i] = product;
        }
    }

    /** The squared-cosine schedule with {@code steps} (&gt;= 2) training timesteps. */
    static NoiseSchedule squaredCosine(int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("a schedule needs at least 2 timesteps, got " + steps);
        }
        double[] betas = new double[steps];
        for (int i = 0; i < steps; i++) {
            betas[i] = Math.min(1 - f((i + 1.0) / steps) / f((double) i / steps), MAX_BETA);
        }
        return new NoiseSchedule(betas);
    }

    private static double f(double u) {
        double c = Math.cos((u + 0.008) / 1.008 * Math.PI / 2);
        return c * c;
    }

    /** Number of training timesteps T. */
    int steps() {
        return betas.length;
    }

    /** β_i. */
    double beta(int i) {
        return betas[i];
    }

    /** ᾱ_i; 1 for {@code i < 0} (the clean sample). */
    double alphaBar(int i) {
        return i < 0 ? 1 : alphaBars[i];
    }
}
