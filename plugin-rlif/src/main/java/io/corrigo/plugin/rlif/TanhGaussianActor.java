package io.corrigo.plugin.rlif;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import io.corrigo.djl.Mlp;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The tanh-squashed Gaussian policy of SAC/RLPD: an MLP gives the mean {@code μ} and
 * {@code log σ} (clipped to [−20, 2]) of {@code u}, and the action is {@code a = tanh(u)}. Its
 * log-density is {@code Σ_i [log N(u_i; μ_i, σ_i) − log(1 − tanh²(u_i))]}, the Jacobian term
 * written as {@code 2·(log 2 − u − softplus(−2u))} for numerical stability.
 */
final class TanhGaussianActor implements AutoCloseable {

    static final float LOG_STD_MIN = -20f;
    static final float LOG_STD_MAX = 2f;
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    /** A reparameterised sample and its log-density, both differentiable with respect to the actor. */
    record Sample(NDArray action, NDArray logProbability) {
    }

    private final Mlp network;
    private final int actions;
    private final NDArray minusTwo;
    private final NDArray two;

    TanhGaussianActor(NDManager manager, int observations, int actions, List<Integer> hidden, RandomGenerator random) {
        this.actions = actions;
        network = Mlp.builder().setInputSize(observations).setHiddenSizes(hidden).setOutputSize(2 * actions)
                .build(manager, random);
        minusTwo = constant(manager, -2f);
        two = constant(manager, 2f);
    }

    /**
     * A scalar in engine memory. Multiplying a tensor that needs gradients by a Java number would
     * let DJL create the scalar over a Java buffer and free it at once, while the backward pass
     * still reads it: a use after free (non-reproducible updates, occasional NaN).
     */
    static NDArray constant(NDManager manager, float value) {
        try (NDArray staged = manager.create(value)) {
            return staged.duplicate();
        }
    }

    /** A vector in engine memory (see {@link #constant(NDManager, float)}). */
    static NDArray constant(NDManager manager, float[] values) {
        try (NDArray staged = manager.create(values)) {
            return staged.duplicate();
        }
    }

    Map<String, NDArray> parameters() {
        return network.parameters();
    }

    /** {@code [μ, log σ]} for {@code observations (B, dObs)}: two arrays of shape (B, dAct). */
    NDList heads(NDArray observations) {
        NDList split = network.forward(observations).split(2, 1);
        return new NDList(split.get(0), split.get(1).clip(LOG_STD_MIN, LOG_STD_MAX));
    }

    /** A sample {@code tanh(μ + σ·ε)} for standard normal {@code noise (B, dAct)}, with its log-density (B). */
    Sample sample(NDArray observations, NDArray noise) {
        NDList h = heads(observations);
        NDArray logStd = h.get(1);
        NDArray u = h.get(0).add(logStd.exp().mul(noise));
        NDArray gaussian = noise.square().mul(-0.5f).sub(logStd).sub((float) HALF_LOG_TWO_PI);
        NDArray jacobian = u.neg().add((float) Math.log(2)).sub(Activation.softPlus(u.mul(minusTwo))).mul(two);
        return new Sample(u.tanh(), gaussian.sub(jacobian).sum(new int[] {1}));
    }

    /** The deterministic action {@code tanh(μ)} (evaluation). */
    NDArray mode(NDArray observations) {
        return heads(observations).get(0).tanh();
    }

    int actions() {
        return actions;
    }

    void save(java.nio.file.Path file) throws java.io.IOException {
        network.save(file);
    }

    void load(java.nio.file.Path file) throws java.io.IOException {
        network.load(file);
    }

    @Override
    public void close() {
        network.close();
    }

    /** The same log-density in plain Java, for one action dimension (tests and diagnostics). */
    static double logProbability(double mean, double logStd, double noise) {
        double ls = Math.max(LOG_STD_MIN, Math.min(LOG_STD_MAX, logStd));
        double u = mean + Math.exp(ls) * noise;
        double a = Math.tanh(u);
        return -0.5 * noise * noise - ls - HALF_LOG_TWO_PI - Math.log(1 - a * a);
    }
}
