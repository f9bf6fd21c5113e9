package io.corrigo.plugin.diffusion;

import java.util.random.RandomGenerator;

/**
 * The reverse process on one flattened chunk, in plain Java (only the noise prediction runs on the
 * network), as Diffusers' {@code DDPMScheduler} ({@code fixed_small} variance) and
 * {@code DDIMScheduler} ({@code set_alpha_to_one}, leading spacing) step it, with the predicted
 * clean sample {@code x̂0} clipped to [−1, 1] (Diffusion Policy's {@code clip_sample}). DDIM uses the
 * unclipped noise prediction in its direction term, as Diffusers does by default.
 */
final class DiffusionSampler {

    /** The network's noise prediction {@code ε̂(x_t, t)} for one chunk (conditioning bound in). */
    @FunctionalInterface
    interface NoisePredictor {
        /** Writes {@code ε̂} for {@code x} at timestep {@code t} into {@code epsilon}. */
        void predict(float[] x, int t, float[] epsilon);
    }

    private final NoiseSchedule schedule;
    private final DiffusionConfig.Sampler method;
    private final int[] timesteps;
    private final double eta;

    /**
     * A sampler: DDPM over all timesteps ({@code steps} ignored), or DDIM over {@code steps}
     * timesteps {@code (steps−1)·⌊T/steps⌋, …, ⌊T/steps⌋, 0} with noise scale {@code eta} in [0, 1].
     */
    DiffusionSampler(NoiseSchedule schedule, DiffusionConfig.Sampler method, int steps, double eta) {
        if (method == DiffusionConfig.Sampler.DDIM && (steps < 1 || steps > schedule.steps())) {
            throw new IllegalArgumentException("DDIM needs 1.." + schedule.steps() + " steps, got " + steps);
        }
        if (!(eta >= 0 && eta <= 1)) {
            throw new IllegalArgumentException("eta must be in [0, 1], got " + eta);
        }
        this.schedule = schedule;
        this.method = method;
        this.eta = eta;
        int n = method == DiffusionConfig.Sampler.DDPM ? schedule.steps() : steps;
        int stride = schedule.steps() / n;
        timesteps = new int[n];
        for (int i = 0; i < n; i++) {
            timesteps[i] = (n - 1 - i) * stride;
        }
    }

    /** The timesteps visited, in order. */
    int[] timesteps() {
        return timesteps.clone();
    }

    /** Denoises {@code x} (starting noise, overwritten with the sample) using {@code random} for fresh noise. */
    void sample(float[] x, NoisePredictor predictor, RandomGenerator random) {
        float[] epsilon = new float[x.length];
        float[] z = new float[x.length];
        for (int i = 0; i < timesteps.length; i++) {
            int t = timesteps[i];
            int previous = i + 1 < timesteps.length ? timesteps[i + 1] : -1;
            predictor.predict(x, t, epsilon);
            boolean noisy = method == DiffusionConfig.Sampler.DDPM ? t > 0 : eta > 0;
            if (noisy) {
                for (int k = 0; k < z.length; k++) {
                    z[k] = (float) random.nextGaussian();
                }
            }
            if (method == DiffusionConfig.Sampler.DDPM) {
                ddpmStep(t, x, epsilon, noisy ? z : null);
            } else {
                ddimStep(t, previous, x, epsilon, noisy ? z : null);
            }
        }
    }

    /** One DDPM step from {@code t} to {@code t − 1}, in place; {@code z} is the fresh noise (null at t = 0). */
    void ddpmStep(int t, float[] x, float[] epsilon, float[] z) {
        double abT = schedule.alphaBar(t);
        double abPrev = schedule.alphaBar(t - 1);
        double betaT = 1 - abT / abPrev;
        double coefX0 = Math.sqrt(abPrev) * betaT / (1 - abT);
        double coefXt = Math.sqrt(1 - betaT) * (1 - abPrev) / (1 - abT);
        double sigma = Math.sqrt(Math.max(betaT * (1 - abPrev) / (1 - abT), 1e-20));
        for (int k = 0; k < x.length; k++) {
            double x0 = clip((x[k] - Math.sqrt(1 - abT) * epsilon[k]) / Math.sqrt(abT));
            double mean = coefX0 * x0 + coefXt * x[k];
            x[k] = (float) (z == null ? mean : mean + sigma * z[k]);
        }
    }

    /** One DDIM step from {@code t} to {@code previous} (−1: the clean sample), in place. */
    void ddimStep(int t, int previous, float[] x, float[] epsilon, float[] z) {
        double abT = schedule.alphaBar(t);
        double abPrev = schedule.alphaBar(previous);
        double variance = (1 - abPrev) / (1 - abT) * (1 - abT / abPrev);
        double sigma = eta * Math.sqrt(variance);
        double direction = Math.sqrt(Math.max(0, 1 - abPrev - sigma * sigma));
        for (int k = 0; k < x.length; k++) {
            double x0 = clip((x[k] - Math.sqrt(1 - abT) * epsilon[k]) / Math.sqrt(abT));
            double next = Math.sqrt(abPrev) * x0 + direction * epsilon[k];
            x[k] = (float) (z == null ? next : next + sigma * z[k]);
        }
    }

    private static double clip(double v) {
        return Math.max(-1, Math.min(1, v));
    }
}
