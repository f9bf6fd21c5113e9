package io.corrigo.plugin.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Named parameters created as PyTorch initialises them (uniform in ±1/√fan_in for linear and
 * convolution weights and biases, gain 1 and bias 0 for normalisation layers), and the functional
 * layers that use them. A network is a map from names to parameters plus a forward function over
 * it, so the same code runs with the trained weights and with their moving average.
 */
final class Layers {

    private static final float NORM_EPS = 1e-5f;

    private final NDManager manager;
    private final RandomGenerator random;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();

    /** Creates parameters in {@code manager}, drawn from {@code random}. */
    Layers(NDManager manager, RandomGenerator random) {
        this.manager = manager;
        this.random = random;
    }

    /** {@code name.weight} (out, in) and {@code name.bias} (out). */
    Layers linear(String name, int in, int out) {
        float bound = (float) (1 / Math.sqrt(in));
        add(name + ".weight", uniform(out * in, bound), new Shape(out, in));
        add(name + ".bias", uniform(out, bound), new Shape(out));
        return this;
    }

    /** A 1-D convolution: {@code name.weight} (out, in, k), {@code name.bias} (out). */
    Layers conv(String name, int in, int out, int kernel) {
        float bound = (float) (1 / Math.sqrt((double) in * kernel));
        add(name + ".weight", uniform(out * in * kernel, bound), new Shape(out, in, kernel));
        add(name + ".bias", uniform(out, bound), new Shape(out));
        return this;
    }

    /** A 1-D transposed convolution: {@code name.weight} (in, out, k), {@code name.bias} (out). */
    Layers convTranspose(String name, int in, int out, int kernel) {
        float bound = (float) (1 / Math.sqrt((double) out * kernel));
        add(name + ".weight", uniform(in * out * kernel, bound), new Shape(in, out, kernel));
        add(name + ".bias", uniform(out, bound), new Shape(out));
        return this;
    }

    /** A normalisation layer's affine part: {@code name.weight} ones, {@code name.bias} zeros. */
    Layers norm(String name, int channels) {
        float[] ones = new float[channels];
        java.util.Arrays.fill(ones, 1f);
        add(name + ".weight", ones, new Shape(channels));
        add(name + ".bias", new float[channels], new Shape(channels));
        return this;
    }

    /** The parameters created, in creation order. */
    Map<String, NDArray> build() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    static NDArray linear(NDArray x, Map<String, NDArray> p, String name) {
        return Linear.linear(x, p.get(name + ".weight"), p.get(name + ".bias")).singletonOrThrow();
    }

    static NDArray layerNorm(NDArray x, Map<String, NDArray> p, String name) {
        NDArray gain = p.get(name + ".weight");
        return LayerNorm.layerNorm(x, gain.getShape(), gain, p.get(name + ".bias"), NORM_EPS).singletonOrThrow();
    }

    /** Group normalisation of {@code x} (B, C, L) in {@code groups} groups, with per-channel affine. */
    static NDArray groupNorm(NDArray x, int groups, Map<String, NDArray> p, String name) {
        Shape shape = x.getShape();
        long b = shape.get(0);
        long c = shape.get(1);
        NDArray grouped = x.reshape(b, groups, -1);
        NDArray centred = grouped.sub(grouped.mean(new int[] {2}, true));
        NDArray variance = centred.square().mean(new int[] {2}, true);
        NDArray normalised = centred.div(variance.add(NORM_EPS).sqrt()).reshape(shape);
        return normalised.mul(p.get(name + ".weight").reshape(1, c, 1)).add(p.get(name + ".bias").reshape(1, c, 1));
    }

    /** A 1-D convolution with stride and symmetric padding. */
    static NDArray conv(NDArray x, Map<String, NDArray> p, String name, int stride, int padding) {
        return Conv1d.conv1d(x, p.get(name + ".weight"), p.get(name + ".bias"), new Shape(stride), new Shape(padding),
                new Shape(1), 1).singletonOrThrow();
    }

    /**
     * A 1-D transposed convolution with stride and padding (PyTorch's {@code ConvTranspose1d},
     * weight {@code (in, out, k)}). DJL's PyTorch engine does not implement deconvolution, so it is
     * computed as what it is: the input with {@code stride − 1} zeros between elements, convolved
     * with the flipped, transposed kernel and padding {@code k − 1 − padding}.
     */
    static NDArray convTranspose(NDArray x, Map<String, NDArray> p, String name, int stride, int padding) {
        NDArray weight = p.get(name + ".weight");
        int kernel = (int) weight.getShape().get(2);
        Shape shape = x.getShape();
        long length = shape.get(2);
        NDArray dilated = x;
        if (stride > 1) {
            NDArray spread = x.expandDims(3);
            NDArray zeros = x.zerosLike().expandDims(3).repeat(3, stride - 1);
            dilated = NDArrays.concat(new NDList(spread, zeros), 3).reshape(shape.get(0), shape.get(1), length * stride)
                    .get(":, :, :" + ((length - 1) * stride + 1));
        }
        NDArray flipped = weight.flip(2).transpose(1, 0, 2);
        return Conv1d.conv1d(dilated, flipped, p.get(name + ".bias"), new Shape(1), new Shape(kernel - 1 - padding),
                new Shape(1), 1).singletonOrThrow();
    }

    static NDArray mish(NDArray x) {
        return Activation.mish(x);
    }

    private void add(String name, float[] values, Shape shape) {
        if (parameters.containsKey(name)) {
            throw new IllegalArgumentException("parameter " + name + " defined twice");
        }
        // a copy puts the parameter in the engine's own memory rather than a Java direct buffer
        try (NDArray staged = manager.create(values, shape)) {
            NDArray parameter = staged.duplicate();
            parameter.setRequiresGradient(true);
            parameters.put(name, parameter);
        }
    }

    private float[] uniform(int n, float bound) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        return v;
    }
}
