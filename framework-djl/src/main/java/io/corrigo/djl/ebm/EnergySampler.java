package io.corrigo.djl.ebm;

import ai.djl.ndarray.NDManager;
import java.util.random.RandomGenerator;

/**
 * Chooses an action from an energy-based policy: {@code samples} uniform candidates in
 * {@code [-1, 1]^d_a}, improved by IBC's derivative-free optimiser or by Langevin MCMC passes, then
 * one candidate drawn from {@code softmax(Q/temperature)} (CLIC: 512 samples, two 25-step Langevin
 * passes, temperature 0.1; the policy is stochastic at evaluation too). Temperature 0 takes the best
 * candidate. Single-threaded; reuses one {@link CandidateSet}.
 *
 * @since 1.1
 */
public final class EnergySampler {

    /** How the uniform candidates are improved. */
    public enum Method {
        /** {@link DerivativeFreeOptimizer} rounds. */
        DFO,
        /** {@link Langevin} passes, each restarting the schedule from the chains' end points. */
        LANGEVIN
    }

    private final CandidateSet candidates;
    private final Method method;
    private final DerivativeFreeOptimizer dfo;
    private final Langevin langevin;
    private final int passes;
    private final double temperature;

    private EnergySampler(CandidateSet candidates, Method method, DerivativeFreeOptimizer dfo, Langevin langevin,
                          int passes, double temperature) {
        if (!(temperature >= 0)) {
            throw new IllegalArgumentException("temperature must be >= 0, was " + temperature);
        }
        this.candidates = candidates;
        this.method = method;
        this.dfo = dfo;
        this.langevin = langevin;
        this.passes = passes;
        this.temperature = temperature;
    }

    /** A sampler improving {@code samples} candidates by {@code dfo}; its arrays belong to {@code owner}. */
    public static EnergySampler dfo(NDManager owner, int observationSize, int actionSize, int samples,
                                    DerivativeFreeOptimizer dfo, double temperature) {
        return new EnergySampler(new CandidateSet(owner, observationSize, actionSize, 1, samples), Method.DFO, dfo,
                null, 0, temperature);
    }

    /** A sampler improving {@code samples} candidates by {@code passes} runs of {@code langevin}. */
    public static EnergySampler langevin(NDManager owner, int observationSize, int actionSize, int samples,
                                         Langevin langevin, int passes, double temperature) {
        if (passes < 0) {
            throw new IllegalArgumentException("passes must be >= 0, was " + passes);
        }
        return new EnergySampler(new CandidateSet(owner, observationSize, actionSize, 1, samples), Method.LANGEVIN,
                null, langevin, passes, temperature);
    }

    /** How candidates are improved. */
    public Method method() {
        return method;
    }

    /**
     * Writes an action for {@code observation} (the network's observation features) into
     * {@code action[0 … d_a)}, drawing from {@code random}.
     */
    public void act(EnergyNetwork network, float[] observation, float[] action, RandomGenerator random) {
        candidates.setObservation(0, observation, 0);
        candidates.fillUniform(random);
        float[] logits;
        if (method == Method.DFO) {
            logits = dfo.run(network, candidates, random);
        } else {
            for (int p = 0; p < passes; p++) {
                langevin.run(network, candidates, random);
            }
            logits = candidates.logits(network);
        }
        int chosen = Softmax.sample(logits, 0, 1, candidates.candidates(), temperature, random);
        candidates.copyAction(chosen, 0, action, 0);
    }
}
