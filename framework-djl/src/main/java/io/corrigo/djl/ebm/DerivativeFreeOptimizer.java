package io.corrigo.djl.ebm;

import java.util.random.RandomGenerator;

/**
 * IBC's derivative-free optimiser (Florence et al., CoRL 2021, {@code iterative_dfo} in
 * {@code ibc/agents/mcmc.py}) over the candidates of a {@link CandidateSet}: {@code K} rounds of
 * <pre>
 * p = softmax(Q(s, A) / temperature) per state;  A ← N draws from A with probabilities p
 * A ← clip(A + N(0, σ²), −1, 1);  σ ← σ·shrink          (σ_0 = 0.33, shrink 0.5)
 * </pre>
 * then one more evaluation, whose logits are returned with the final candidates. Immutable.
 *
 * @since 1.1
 */
public final class DerivativeFreeOptimizer {

    /** IBC's initial perturbation. */
    public static final double INITIAL_SIGMA = 0.33;
    /** IBC's per-round shrink factor. */
    public static final double SHRINK = 0.5;

    private final int iterations;
    private final double initialSigma;
    private final double shrink;
    private final double temperature;

    /** An optimiser of {@code iterations} (≥ 0) rounds resampling at {@code temperature} (≥ 0; 0 = greedy). */
    public DerivativeFreeOptimizer(int iterations, double initialSigma, double shrink, double temperature) {
        if (iterations < 0 || !(initialSigma >= 0) || !(shrink > 0) || !(temperature >= 0)) {
            throw new IllegalArgumentException("need iterations >= 0, sigma >= 0, shrink > 0, temperature >= 0; got "
                    + iterations + ", " + initialSigma + ", " + shrink + ", " + temperature);
        }
        this.iterations = iterations;
        this.initialSigma = initialSigma;
        this.shrink = shrink;
        this.temperature = temperature;
    }

    /** IBC's optimiser (σ_0 0.33 halved each round) with {@code iterations} rounds at {@code temperature}. */
    public static DerivativeFreeOptimizer of(int iterations, double temperature) {
        return new DerivativeFreeOptimizer(iterations, INITIAL_SIGMA, SHRINK, temperature);
    }

    /** Number of rounds {@code K}. */
    public int iterations() {
        return iterations;
    }

    /** Optimises the candidates in place; returns {@code Q} of the final candidates in row order. */
    public float[] run(EnergyNetwork network, CandidateSet candidates, RandomGenerator random) {
        int n = candidates.candidates();
        int states = candidates.states();
        int d = candidates.actionSize();
        float[] a = candidates.actions();
        float[] previous = new float[a.length];
        double[] p = new double[n];
        double[] cumulative = new double[n];
        double sigma = initialSigma;
        for (int round = 0; round < iterations; round++) {
            float[] logits = candidates.logits(network);
            System.arraycopy(a, 0, previous, 0, a.length);
            for (int b = 0; b < states; b++) {
                Softmax.probabilities(logits, b, states, n, temperature, p);
                Softmax.cumulate(p, n, cumulative);
                for (int j = 0; j < n; j++) {
                    int source = Softmax.drawCumulative(p, cumulative, n, random.nextDouble());
                    int from = candidates.row(source, b) * d;
                    int to = candidates.row(j, b) * d;
                    for (int i = 0; i < d; i++) {
                        double v = previous[from + i] + sigma * random.nextGaussian();
                        a[to + i] = (float) Math.max(-1, Math.min(1, v));
                    }
                }
            }
            sigma *= shrink;
        }
        return candidates.logits(network);
    }
}
