package io.corrigo.djl.ebm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.corrigo.djl.AdamOptimizer;
import io.corrigo.djl.GradientTape;
import io.corrigo.djl.StagedInput;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One update of an energy-based policy towards a target distribution over candidates, the
 * machinery shared by IBC's InfoNCE and CLIC's policy-weighted KL objective
 * (Li et al., arXiv:2502.07645, §4.3):
 * <ol>
 *   <li>counter-examples: {@code N} uniform candidates per state, moved by a detached
 *       {@link Langevin} chain (no steps: IBC's uniform counter-examples);</li>
 *   <li>the {@link Target} overwrites slots with known actions (the label, {@code a^r}, {@code a^+});</li>
 *   <li>{@code Q} of all {@code N·B} rows in one forward; the target distribution {@code p*} is computed
 *       in Java from the detached values (so without gradient);</li>
 *   <li>{@code L = (1/B) Σ_b KL(p*_b ‖ softmax_j(Q_bj/τ)) + w·GradientPenalty}; the KL is taken as the
 *       cross-entropy {@code −Σ p*·log_softmax} (the entropy of {@code p*} has no gradient);</li>
 *   <li>one {@link AdamOptimizer} step.</li>
 * </ol>
 * Single-threaded; owns scalar constants and staged targets in a sub-manager of the given manager.
 *
 * @since 1.1
 */
public final class ContrastiveTrainer implements AutoCloseable {

    /** Where the known actions go and what the target distribution is. */
    public interface Target {

        /** Overwrites candidate slots with known actions, after the counter-examples were drawn. */
        void placeKnownActions(CandidateSet candidates);

        /**
         * Writes the target probabilities of state {@code b} into {@code target[b·N … (b+1)·N)}
         * (summing to 1), given {@code q}, the detached {@code Q} of every row in row order.
         */
        void fill(CandidateSet candidates, float[] q, float[] target);
    }

    /**
     * What one update measured.
     *
     * @param loss         the minimised loss (cross-entropy plus weighted penalty)
     * @param divergence   the mean KL divergence {@code KL(p* ‖ p_θ)} per state
     * @param penalty      the gradient penalty, unweighted (0 when off)
     * @param gradientMax  the largest {@code ‖∇ₐQ‖∞} at the last counter-example step (0 without Langevin)
     */
    public record Step(double loss, double divergence, double penalty, double gradientMax) {
    }

    private final NDManager manager;
    private final EnergyNetwork network;
    private final AdamOptimizer adam;
    private final Langevin counterExamples;
    private final boolean penalised;
    private final NDArray inverseTemperature;
    private final NDArray penaltyWeight;
    private final NDArray margin;
    private final Map<Integer, StagedInput> targets = new HashMap<>();
    private float[] targetValues = new float[0];
    private boolean closed;

    /**
     * A trainer of {@code network} by {@code adam}, with counter-examples from {@code counterExamples},
     * policy temperature {@code temperature} (> 0) and gradient penalty weight {@code penaltyWeight}
     * (0 turns it off) with margin {@code penaltyMargin}.
     */
    public ContrastiveTrainer(NDManager manager, EnergyNetwork network, AdamOptimizer adam, Langevin counterExamples,
                              double temperature, double penaltyWeight, double penaltyMargin) {
        if (!(temperature > 0) || !(penaltyWeight >= 0) || !(penaltyMargin >= 0)) {
            throw new IllegalArgumentException("need temperature > 0, penalty weight and margin >= 0; got "
                    + temperature + ", " + penaltyWeight + ", " + penaltyMargin);
        }
        this.manager = manager.newSubManager();
        this.network = network;
        this.adam = adam;
        this.counterExamples = counterExamples;
        this.penalised = penaltyWeight > 0;
        this.inverseTemperature = this.manager.create((float) (1 / temperature));
        this.penaltyWeight = this.manager.create((float) penaltyWeight);
        this.margin = this.manager.create((float) penaltyMargin);
    }

    /** One update on {@code candidates}, whose observations the caller has set. */
    public Step update(CandidateSet candidates, Target target, RandomGenerator random) {
        if (closed) {
            throw new IllegalStateException("the trainer is closed");
        }
        candidates.fillUniform(random);
        float gradientMax = counterExamples.run(network, candidates, random);
        target.placeKnownActions(candidates);
        int states = candidates.states();
        int n = candidates.candidates();
        if (targetValues.length < states * n) {
            targetValues = new float[states * n];
        }
        StagedInput staged = targets.computeIfAbsent(states * n,
                k -> new StagedInput(manager, new Shape(states, n)));
        double loss;
        double crossEntropy;
        double penalty = 0;
        try (NDManager step = manager.newSubManager()) {
            NDArray rows = candidates.upload(step);
            try (GradientTape tape = GradientTape.record()) {
                NDArray q;
                NDArray penaltyTerm = null;
                if (penalised) {
                    NDList out = network.forwardWithActionGradient(rows);
                    q = out.get(0);
                    penaltyTerm = GradientPenalty.of(out.get(1), margin);
                } else {
                    q = network.forward(rows);
                }
                target.fill(candidates, q.toFloatArray(), targetValues);
                staged.values().put(targetValues, 0, states * n);
                NDArray logProbabilities = q.reshape(n, states).transpose().mul(inverseTemperature).logSoftmax(1);
                NDArray ce = staged.upload(step).mul(logProbabilities).sum(new int[] {1}).mean().neg();
                NDArray total = penaltyTerm == null ? ce : ce.add(penaltyTerm.mul(penaltyWeight));
                tape.backward(total);
                loss = total.getFloat();
                crossEntropy = ce.getFloat();
                if (penaltyTerm != null) {
                    penalty = penaltyTerm.getFloat();
                }
            }
            adam.step();
        }
        return new Step(loss, crossEntropy - entropy(states * n) / states, penalty, gradientMax);
    }

    /** Releases the constants and staged targets; idempotent. Network and optimiser stay with the caller. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }

    /** {@code Σ −p·log p} over the first {@code count} target values. */
    private double entropy(int count) {
        double h = 0;
        for (int k = 0; k < count; k++) {
            double p = targetValues[k];
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
