package io.corrigo.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A multilayer perceptron holding its own parameters: {@code Linear → activation [→ LayerNorm]} per
 * hidden layer, then a linear output, optionally squashed (tanh, or Keras's {@code 2·sigmoid − 1}).
 * Forward passes use DJL's fused
 * {@link Linear#linear(NDArray, NDArray, NDArray)}; there are no Blocks and no Trainer.
 *
 * <p>Weights and biases start as PyTorch's {@code nn.Linear} does, uniform in
 * ±1/√fan_in ({@link Initialisation#TORCH}), or as Keras's {@code Dense} does, weights Glorot-uniform in
 * ±√(6/(fan_in + fan_out)) and biases zero ({@link Initialisation#KERAS}); drawn from the
 * {@link RandomGenerator} handed to {@link Builder#build}: the same seed gives bit-identical
 * parameters. LayerNorm starts at gain 1, bias 0.
 *
 * <p>The parameters live in a sub-manager of the manager given at build time and are released by
 * {@link #close()} or when that manager closes. Single-threaded.
 *
 * @since 1.0
 */
public final class Mlp implements AutoCloseable {

    /** Hidden-layer activation. */
    public enum Activation { RELU, TANH }

    /**
     * What is applied to the last linear layer's output: nothing, {@code tanh}, or {@code 2·sigmoid(x) − 1}
     * (the Keras HG-DAgger policy's output, {@link #SIGMOID2} since 1.4; equal to {@code tanh(x/2)}).
     */
    public enum OutputSquash { NONE, TANH, SIGMOID2 }

    /** How parameters start: PyTorch's {@code nn.Linear} or Keras's {@code Dense} (Glorot weights, zero biases); since 1.4. */
    public enum Initialisation { TORCH, KERAS }

    private static final float LAYER_NORM_EPS = 1e-5f;

    private final NDManager manager;
    private final int inputSize;
    private final int outputSize;
    private final Activation activation;
    private final OutputSquash squash;
    private final List<NDArray> weights = new ArrayList<>();
    private final List<NDArray> biases = new ArrayList<>();
    private final List<NDArray> gains = new ArrayList<>();
    private final List<NDArray> shifts = new ArrayList<>();
    private final List<Shape> normShapes = new ArrayList<>();
    private final Map<String, NDArray> parameters;
    private final NDArray layerNormEps;
    private final NDArray zero;
    private final NDArray one;
    /**
     * Held for the network's life: {@code mul(2f)} would make a scalar in a Java buffer and drop it
     * at once, while autograd keeps reading it for the backward pass; a garbage collection in between
     * freed it under the tape and made the same seed train differently now and then.
     */
    private final NDArray two;
    private boolean closed;

    private Mlp(Builder b, NDManager parent, RandomGenerator random) {
        manager = parent.newSubManager();
        inputSize = b.inputSize;
        outputSize = b.outputSize;
        activation = b.activation;
        squash = b.squash;
        Map<String, NDArray> named = new LinkedHashMap<>();
        int in = inputSize;
        List<Integer> widths = new ArrayList<>(b.hiddenSizes);
        widths.add(outputSize);
        for (int layer = 0; layer < widths.size(); layer++) {
            int out = widths.get(layer);
            boolean last = layer == widths.size() - 1;
            boolean keras = b.initialisation == Initialisation.KERAS;
            float bound = last && b.zeroInitLastLayer ? 0f
                    : (float) (keras ? Math.sqrt(6.0 / (in + out)) : 1 / Math.sqrt(in));
            NDArray w = parameter(uniform(random, out * in, bound), new Shape(out, in));
            NDArray bias = parameter(uniform(random, out, keras ? 0f : bound), new Shape(out));
            weights.add(w);
            biases.add(bias);
            named.put("layers." + layer + ".weight", w);
            named.put("layers." + layer + ".bias", bias);
            if (!last && b.layerNorm) {
                float[] ones = new float[out];
                java.util.Arrays.fill(ones, 1f);
                NDArray gain = parameter(ones, new Shape(out));
                NDArray shift = parameter(new float[out], new Shape(out));
                gains.add(gain);
                shifts.add(shift);
                normShapes.add(new Shape(out));
                named.put("norms." + layer + ".weight", gain);
                named.put("norms." + layer + ".bias", shift);
            }
            in = out;
        }
        parameters = Collections.unmodifiableMap(named);
        layerNormEps = manager.create(LAYER_NORM_EPS);
        zero = manager.create(0f);
        one = manager.create(1f);
        two = manager.create(2f);
    }

    /** A builder; input size, hidden sizes and output size are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The network's output for {@code input} of shape {@code (batch, inputSize)}, recorded for
     * back-propagation inside a {@link GradientTape}. The result joins {@code input}'s manager (use a
     * per-step sub-manager); intermediates are released at once, as Python's reference counting would
     * (the graph keeps what its backward reads; the rest returns to the allocator still in cache).
     */
    public NDArray forward(NDArray input) {
        requireOpen();
        return forward(input, new Layers(weights, biases, gains, shifts), false);
    }

    private NDArray forward(NDArray input, Layers p, boolean inPlaceSquash) {
        NDArray h = input;
        int hidden = p.weights().size() - 1;
        for (int layer = 0; layer < hidden; layer++) {
            h = replace(h, Linear.linear(h, p.weights().get(layer), p.biases().get(layer)).singletonOrThrow(), input);
            // a ReLU overwrites the fresh product in place (the product's backward does not read it)
            h = activation == Activation.RELU ? InPlaceRelu.apply(h) : replace(h, h.tanh(), input);
            if (!p.gains().isEmpty()) {
                h = replace(h, LayerNorm.layerNorm(h, normShapes.get(layer), p.gains().get(layer), p.shifts().get(layer),
                        LAYER_NORM_EPS).singletonOrThrow(), input);
            }
        }
        h = replace(h, Linear.linear(h, p.weights().get(hidden), p.biases().get(hidden)).singletonOrThrow(), input);
        return squash == OutputSquash.NONE ? h : replace(h, squashed(h, inPlaceSquash), input);
    }

    /**
     * The network's output for {@code input} without recording gradients; intermediates are closed
     * at once and only the result stays attached to {@code input}'s manager (the caller closes it).
     */
    public NDArray predict(NDArray input) {
        requireOpen();
        try (NoGradient ignored = NoGradient.enter()) {
            return forward(input, new Layers(weights, biases, gains, shifts), true);
        }
    }

    /**
     * The output of a network with one unsquashed output, and its gradient with respect to the
     * input, both differentiable: returns {@code [output (batch, 1), ∂output/∂input (batch, inputSize)]}.
     *
     * <p>Under a {@link GradientTape}, where {@link NativeAutograd} loads, the gradient is libtorch's
     * {@code torch.autograd.grad(q.sum(), input, create_graph=True)}, which leaves the parameters'
     * gradients alone. Otherwise (and under {@link NoGradient}, where it costs no backward pass) it is
     * the network's backward written out with ordinary operations, differentiated by one ordinary
     * {@link GradientTape#backward}: the same maths, rounded differently. (DJL's own
     * {@code create_graph} route leaks its graph every call.) Results join {@code input}'s manager.
     *
     * @throws IllegalStateException if the network has more than one output or a squashed output
     * @since 1.1
     */
    public NDList forwardWithInputGradient(NDArray input) {
        requireScalarOutput();
        if (NativeAutograd.appliesNow()) {
            return NativeAutograd.outputAndInputGradient(input, this::forward);
        }
        return InputGradient.of(input, weights, biases, gains, shifts, activation, layerNormEps, zero, one);
    }

    /**
     * {@code ∂output/∂input} of every row of a network with one unsquashed output, shape
     * {@code (batch, inputSize)}, not differentiable: one recorded forward and libtorch's own
     * backward to the input alone, as {@code torch.autograd.grad(q.sum(), input)} computes it. The forward
     * runs on detached views of the parameters, so nothing accumulates in the parameters' gradients and
     * no weight gradient is computed. Works under {@link NoGradient} too. The result joins {@code input}'s manager.
     *
     * @throws IllegalStateException if the network has more than one output or a squashed output
     * @since 1.4
     */
    public NDArray inputGradient(NDArray input) {
        requireScalarOutput();
        NDManager scope = input.getManager();
        Layers detached = new Layers(detach(weights, scope), detach(biases, scope), detach(gains, scope),
                detach(shifts, scope));
        NDArray x = input.stopGradient();
        x.setRequiresGradient(true);
        try (GradientTape tape = GradientTape.record()) {
            tape.backward(forward(x, detached, false));
        }
        return x.getGradient();
    }

    /** The parameters by name ({@code layers.0.weight}, …, {@code norms.0.bias}), in a fixed order. */
    public Map<String, NDArray> parameters() {
        requireOpen();
        return parameters;
    }

    /** Width of the input. */
    public int inputSize() {
        return inputSize;
    }

    /** Width of the output. */
    public int outputSize() {
        return outputSize;
    }

    /** Writes the parameters to {@code file} (see {@link TensorFiles}). */
    public void save(Path file) throws IOException {
        TensorFiles.write(file, parameters());
    }

    /** Replaces the parameters with those in {@code file}, written by an MLP of the same shape. */
    public void load(Path file) throws IOException {
        TensorFiles.readInto(file, parameters());
    }

    /** Releases the parameters; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }

    /** {@code h} squashed; in place only outside a gradient tape (sigmoid's backward reads its output). */
    private NDArray squashed(NDArray h, boolean inPlace) {
        return switch (squash) {
            case NONE -> h;
            case TANH -> h.tanh();
            case SIGMOID2 -> inPlace ? ai.djl.nn.Activation.sigmoid(h).muli(two).subi(one)
                    : ai.djl.nn.Activation.sigmoid(h).mul(two).sub(one);
        };
    }

    private static NDArray replace(NDArray previous, NDArray next, NDArray input) {
        if (previous != input) {
            previous.close();
        }
        return next;
    }

    private NDArray parameter(float[] values, Shape shape) {
        // create() aliases a Java direct buffer; a copy puts the parameter in the engine's own
        // (aligned, not direct-memory-limited) memory
        try (NDArray staged = manager.create(values, shape)) {
            NDArray p = staged.duplicate();
            p.setRequiresGradient(true);
            return p;
        }
    }

    private static float[] uniform(RandomGenerator random, int n, float bound) {
        float[] v = new float[n];
        if (bound > 0) {
            for (int i = 0; i < n; i++) {
                v[i] = (float) ((2 * random.nextDouble() - 1) * bound);
            }
        }
        return v;
    }

    private void requireScalarOutput() {
        requireOpen();
        if (outputSize != 1 || squash != OutputSquash.NONE) {
            throw new IllegalStateException("the input gradient needs one unsquashed output; this MLP has "
                    + outputSize + " output(s) squashed by " + squash);
        }
    }

    /**
     * Views of the parameters' current values without their gradient, attached to {@code scope}
     * (made per call: {@link NDArray#set} gives a parameter new storage, so a kept view would go stale).
     */
    private static List<NDArray> detach(List<NDArray> parameters, NDManager scope) {
        List<NDArray> views = new ArrayList<>(parameters.size());
        for (NDArray p : parameters) {
            NDArray view = p.stopGradient();
            view.attach(scope);
            views.add(view);
        }
        return views;
    }

    /** The parameters a forward pass reads. */
    private record Layers(List<NDArray> weights, List<NDArray> biases, List<NDArray> gains, List<NDArray> shifts) {
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the MLP is closed");
        }
    }

    /** Builds an {@link Mlp}: {@code setX} for required values, {@code optX} for optional ones. */
    public static final class Builder {

        private int inputSize;
        private int outputSize;
        private List<Integer> hiddenSizes;
        private Activation activation = Activation.RELU;
        private OutputSquash squash = OutputSquash.NONE;
        private boolean layerNorm;
        private boolean zeroInitLastLayer;
        private Initialisation initialisation = Initialisation.TORCH;

        private Builder() {
        }

        /** Width of the input, at least 1. */
        public Builder setInputSize(int inputSize) {
            this.inputSize = inputSize;
            return this;
        }

        /** Widths of the hidden layers, each at least 1; empty for a linear model. */
        public Builder setHiddenSizes(List<Integer> hiddenSizes) {
            this.hiddenSizes = List.copyOf(hiddenSizes);
            return this;
        }

        /** Width of the output, at least 1. */
        public Builder setOutputSize(int outputSize) {
            this.outputSize = outputSize;
            return this;
        }

        /** The hidden activation; ReLU by default. */
        public Builder optActivation(Activation activation) {
            this.activation = activation;
            return this;
        }

        /** Adds a LayerNorm (with gain and bias) after each hidden activation. */
        public Builder optLayerNorm() {
            this.layerNorm = true;
            return this;
        }

        /** Starts the last layer's weights and bias at zero, so the initial output is constant. */
        public Builder optZeroInitLastLayer() {
            this.zeroInitLastLayer = true;
            return this;
        }

        /**
         * How the parameters start; PyTorch's by default.
         *
         * @since 1.4
         */
        public Builder optInitialisation(Initialisation initialisation) {
            this.initialisation = initialisation;
            return this;
        }

        /** Squashing of the output; none by default. */
        public Builder optOutputSquash(OutputSquash squash) {
            this.squash = squash;
            return this;
        }

        /**
         * A new MLP whose parameters are drawn from {@code random} and live in a sub-manager of
         * {@code manager}.
         */
        public Mlp build(NDManager manager, RandomGenerator random) {
            if (inputSize < 1 || outputSize < 1) {
                throw new IllegalArgumentException(
                        "input and output sizes must be >= 1, were " + inputSize + " and " + outputSize);
            }
            if (hiddenSizes == null || hiddenSizes.stream().anyMatch(h -> h == null || h < 1)) {
                throw new IllegalArgumentException("hidden sizes must be set, each >= 1: " + hiddenSizes);
            }
            if (activation == null || squash == null || initialisation == null || manager == null || random == null) {
                throw new IllegalArgumentException(
                        "activation, output squash, initialisation, manager and random are required");
            }
            return new Mlp(this, manager, random);
        }
    }
}
