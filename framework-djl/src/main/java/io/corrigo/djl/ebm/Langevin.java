package io.corrigo.djl.ebm;

import java.util.random.RandomGenerator;

/**
 * Langevin MCMC on the actions of a {@link CandidateSet}, as IBC (Florence et al., CoRL 2021,
 * {@code ibc/agents/mcmc.py}) and CLIC (Li et al., arXiv:2502.07645) run it: each of {@code K}
 * steps ascends {@code Q} with noise,
 * <pre>
 * δ = η_k · (0.5·∇ₐQ + noiseScale·ξ),  ξ ~ N(0, I)
 * a ← clip(a + clip(δ, ±deltaClip), −1, 1)
 * η_k = (η_0 − η_f)·(1 − k/(K−1))² + η_f     (polynomial schedule, power 2; η_0 when K = 1)
 * </pre>
 * The chains are detached: the gradient comes from libtorch's backward to the actions alone
 * ({@link EnergyNetwork#actionGradient}), and the update is done in Java.
 * Immutable; thread-safe.
 *
 * @since 1.1
 */
public final class Langevin {

    /** IBC's and CLIC's {@code η_0}. */
    public static final double INITIAL_STEP_SIZE = 0.1;
    /** IBC's and CLIC's {@code η_f}. */
    public static final double FINAL_STEP_SIZE = 1e-5;
    /** IBC's and CLIC's noise scale. */
    public static final double NOISE_SCALE = 1.0;
    /** IBC's and CLIC's per-dimension step clip: 0.1 of the half range of {@code [-1, 1]}. */
    public static final double DELTA_CLIP = 0.1;
    private static final double GRADIENT_SCALE = 0.5;
    private static final int POWER = 2;

    private final int steps;
    private final double initialStepSize;
    private final double finalStepSize;
    private final double noiseScale;
    private final double deltaClip;

    /** A sampler of {@code steps} (≥ 0) steps with the given schedule, noise scale and step clip. */
    public Langevin(int steps, double initialStepSize, double finalStepSize, double noiseScale, double deltaClip) {
        if (steps < 0 || !(initialStepSize >= 0) || !(finalStepSize >= 0) || !(noiseScale >= 0) || !(deltaClip > 0)) {
            throw new IllegalArgumentException("need steps >= 0, step sizes and noise >= 0, deltaClip > 0; got " + steps
                    + ", " + initialStepSize + ", " + finalStepSize + ", " + noiseScale + ", " + deltaClip);
        }
        this.steps = steps;
        this.initialStepSize = initialStepSize;
        this.finalStepSize = finalStepSize;
        this.noiseScale = noiseScale;
        this.deltaClip = deltaClip;
    }

    /** IBC's and CLIC's sampler with {@code steps} steps (25 in CLIC). */
    public static Langevin of(int steps) {
        return new Langevin(steps, INITIAL_STEP_SIZE, FINAL_STEP_SIZE, NOISE_SCALE, DELTA_CLIP);
    }

    /** Number of steps {@code K}. */
    public int steps() {
        return steps;
    }

    /** The step size {@code η_k} of step {@code k}. */
    public double stepSize(int k) {
        if (steps <= 1) {
            return initialStepSize;
        }
        double remaining = 1 - (double) k / (steps - 1);
        return (initialStepSize - finalStepSize) * Math.pow(remaining, POWER) + finalStepSize;
    }

    /**
     * Runs every chain of {@code candidates} in place. Returns the largest {@code ‖∇ₐQ‖∞} over the
     * chains at the last step (0 for no steps), a health signal CLIC logs.
     */
    public float run(EnergyNetwork network, CandidateSet candidates, RandomGenerator random) {
        float[] a = candidates.actions();
        float largest = 0;
        for (int k = 0; k < steps; k++) {
            float[] g = candidates.actionGradients(network);
            double eta = stepSize(k);
            largest = 0;
            for (int i = 0; i < a.length; i++) {
                largest = Math.max(largest, Math.abs(g[i]));
                double delta = eta * (GRADIENT_SCALE * g[i] + noiseScale * random.nextGaussian());
                delta = Math.max(-deltaClip, Math.min(deltaClip, delta));
                a[i] = (float) Math.max(-1, Math.min(1, a[i] + delta));
            }
        }
        return largest;
    }
}
