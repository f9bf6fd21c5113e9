package io.corrigo.djl.ebm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.corrigo.djl.Mlp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The scalar network {@code Q(s, a)} of an energy-based policy, as CLIC and its IBC baseline build
 * it (Li et al., arXiv:2502.07645, {@code agents/CLIC_torch.py}): an MLP on {@code concat(s, a)} whose
 * hidden layers are {@code Linear → ReLU → LayerNorm} (activation first), with a scalar linear
 * output whose weights and bias start at zero, so that {@code Q ≡ 0} and the initial policy is
 * uniform. Higher {@code Q} is better; the energy is {@code −Q}.
 *
 * <p>Inputs are rows {@code [s, a]} of width {@code observationSize + actionSize}, normally built by
 * a {@link CandidateSet}. Owns its parameters (a sub-manager of the build manager). Single-threaded.
 *
 * @since 1.1
 */
public final class EnergyNetwork implements AutoCloseable {

    private final Mlp mlp;
    private final int observationSize;
    private final int actionSize;
    private final NDIndex actionColumns;

    private EnergyNetwork(Mlp mlp, int observationSize, int actionSize) {
        this.mlp = mlp;
        this.observationSize = observationSize;
        this.actionSize = actionSize;
        this.actionColumns = new NDIndex(":, {}:", observationSize);
    }

    /** A builder; observation size, action size and hidden sizes are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Width of the state part of a row. */
    public int observationSize() {
        return observationSize;
    }

    /** Width of the action part of a row. */
    public int actionSize() {
        return actionSize;
    }

    /** {@code Q} of each row of {@code stateActions} {@code (rows, d_o + d_a)}, shape {@code (rows, 1)}, recorded in a tape. */
    public NDArray forward(NDArray stateActions) {
        return mlp.forward(stateActions);
    }

    /**
     * {@code Q} and {@code ∇ₐQ} of each row, both differentiable (see
     * {@link Mlp#forwardWithInputGradient}): {@code [Q (rows, 1), ∇ₐQ (rows, d_a)]}. Under a tape a
     * loss on the gradient trains the parameters (the gradient penalty); under
     * {@link io.corrigo.djl.NoGradient} it is the plain action gradient, with no backward pass.
     */
    public NDList forwardWithActionGradient(NDArray stateActions) {
        NDList both = mlp.forwardWithInputGradient(stateActions);
        return new NDList(both.get(0), both.get(1).get(actionColumns));
    }

    /**
     * {@code ∇ₐQ} of each row, shape {@code (rows, d_a)}, not differentiable (see
     * {@link Mlp#inputGradient}): what Langevin sampling needs, at the cost of one forward and one
     * backward to the input.
     *
     * @since 1.4
     */
    public NDArray actionGradient(NDArray stateActions) {
        return mlp.inputGradient(stateActions).get(actionColumns);
    }

    /** {@code Q} of each row without recording, shape {@code (rows, 1)}; intermediates are closed. */
    public NDArray predict(NDArray stateActions) {
        return mlp.predict(stateActions);
    }

    /** The parameters by name, in a fixed order (for optimisers). */
    public Map<String, NDArray> parameters() {
        return mlp.parameters();
    }

    /** Writes the parameters to {@code file}. */
    public void save(Path file) throws IOException {
        mlp.save(file);
    }

    /** Replaces the parameters with those in {@code file}, written by a network of the same shape. */
    public void load(Path file) throws IOException {
        mlp.load(file);
    }

    /** Releases the parameters; idempotent. */
    @Override
    public void close() {
        mlp.close();
    }

    /** Builds an {@link EnergyNetwork}. */
    public static final class Builder {

        private int observationSize = -1;
        private int actionSize;
        private List<Integer> hiddenSizes;

        private Builder() {
        }

        /** Width of the observation, at least 0. */
        public Builder setObservationSize(int observationSize) {
            this.observationSize = observationSize;
            return this;
        }

        /** Width of the action, at least 1. */
        public Builder setActionSize(int actionSize) {
            this.actionSize = actionSize;
            return this;
        }

        /** Widths of the hidden layers (CLIC: 512, 512, 512, 256), each at least 1; may be empty. */
        public Builder setHiddenSizes(List<Integer> hiddenSizes) {
            this.hiddenSizes = List.copyOf(hiddenSizes);
            return this;
        }

        /** A network with parameters drawn from {@code random} in a sub-manager of {@code manager}. */
        public EnergyNetwork build(NDManager manager, RandomGenerator random) {
            if (observationSize < 0 || actionSize < 1) {
                throw new IllegalArgumentException("need observationSize >= 0 and actionSize >= 1, got "
                        + observationSize + " and " + actionSize);
            }
            if (hiddenSizes == null) {
                throw new IllegalArgumentException("hidden sizes must be set");
            }
            Mlp mlp = Mlp.builder().setInputSize(observationSize + actionSize).setHiddenSizes(hiddenSizes)
                    .setOutputSize(1).optActivation(Mlp.Activation.RELU).optLayerNorm().optZeroInitLastLayer()
                    .build(manager, random);
            return new EnergyNetwork(mlp, observationSize, actionSize);
        }
    }
}
