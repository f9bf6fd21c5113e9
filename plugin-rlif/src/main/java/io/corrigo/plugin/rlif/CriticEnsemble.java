package io.corrigo.plugin.rlif;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;
import io.corrigo.djl.GradientTape;
import io.corrigo.djl.InPlace;
import io.corrigo.djl.InPlaceRelu;
import io.corrigo.djl.ParameterBlend;
import io.corrigo.djl.TensorFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * RLPD's critic ensemble — {@code members} Q-networks {@code Dense → LayerNorm → ReLU} per hidden
 * layer, then {@code Dense(1)} — as one batched computation: every layer's weights are stacked
 * into {@code (members, in, out)} and applied with one batched matrix product, so the ensemble
 * costs one forward pass, not a loop of networks. Weights start as PyTorch's {@code nn.Linear}
 * (uniform in ±1/√fan_in, independently per member); LayerNorm at gain 1, bias 0. Forward passes
 * take the parameter map, so the same code evaluates the online critics, their Polyak-averaged
 * targets, or detached copies (the actor's update must not touch the critics).
 */
final class CriticEnsemble implements AutoCloseable {

    private static final float NORM_EPS = 1e-5f;

    private final NDManager manager;
    private final int members;
    private final int layers;
    private final Map<String, NDArray> parameters;
    /** Per hidden layer: its width and a unit gain and zero shift for the fused normalisation. */
    private final List<Shape> widths = new java.util.ArrayList<>();
    private final List<NDArray> unitGains = new java.util.ArrayList<>();
    private final List<NDArray> zeroShifts = new java.util.ArrayList<>();
    private CriticEnsemble polyakSource;
    private ParameterBlend polyak;

    CriticEnsemble(NDManager parent, int members, int inputs, List<Integer> hidden, RandomGenerator random) {
        manager = parent.newSubManager();
        this.members = members;
        this.layers = hidden.size();
        Map<String, NDArray> p = new LinkedHashMap<>();
        int in = inputs;
        for (int l = 0; l <= hidden.size(); l++) {
            int out = l < hidden.size() ? hidden.get(l) : 1;
            float bound = (float) (1 / Math.sqrt(in));
            p.put("l" + l + ".weight", parameter(uniform(random, members * in * out, bound), new Shape(members, in, out)));
            p.put("l" + l + ".bias", parameter(uniform(random, members * out, bound), new Shape(members, 1, out)));
            if (l < hidden.size()) {
                float[] ones = new float[members * out];
                java.util.Arrays.fill(ones, 1f);
                p.put("l" + l + ".gain", parameter(ones, new Shape(members, 1, out)));
                p.put("l" + l + ".shift", parameter(new float[members * out], new Shape(members, 1, out)));
                float[] unit = new float[out];
                java.util.Arrays.fill(unit, 1f);
                widths.add(new Shape(out));
                unitGains.add(TanhGaussianActor.constant(manager, unit));
                zeroShifts.add(TanhGaussianActor.constant(manager, new float[out]));
            }
            in = out;
        }
        parameters = Collections.unmodifiableMap(p);
    }

    Map<String, NDArray> parameters() {
        return parameters;
    }

    int members() {
        return members;
    }

    /** Every member's Q for {@code inputs (B, dObs + dAct)} with parameters {@code p}: shape (members, B). */
    NDArray forward(NDArray inputs, Map<String, NDArray> p) {
        // every member gets an expanded view of the inputs, and each layer is one batched product
        // (bmm) of (members, B, in) and (members, in, out). libtorch's matmul given (1, B, in) would
        // multiply the transposed weights instead and copy the (members, B, out) result into place,
        // and the gradient back in the backward pass; the batched product gives the same bits under
        // MKL's Intel code path (the default here) without either copy or matmul's reshaping.
        // The bias, the shift and ReLU write into the array they get, as do the gains when no
        // gradient of theirs is recorded: what they overwrite is a product's, a sum's or a
        // normalisation's output, which no backward pass reads (ReLU's reads its own result). The
        // same kernels, so the same bits, with three or four fewer (members, B, width) arrays a layer
        boolean gainsInPlace = !GradientTape.recording() || !p.get("l0.gain").hasGradient();
        NDArray rows = inputs.expandDims(0);
        NDArray h = next(rows, rows.broadcast(new Shape(members, inputs.getShape().get(0), inputs.getShape().get(1))));
        for (int l = 0; l < layers; l++) {
            h = next(h, h.batchMatMul(p.get("l" + l + ".weight")));
            h.addi(p.get("l" + l + ".bias"));
            // libtorch's fused normalisation over each row, then every member's own gain and shift
            h = next(h, LayerNorm.layerNorm(h, widths.get(l), unitGains.get(l), zeroShifts.get(l), NORM_EPS).singletonOrThrow());
            h = gainsInPlace ? h.muli(p.get("l" + l + ".gain")) : next(h, h.mul(p.get("l" + l + ".gain")));
            h.addi(p.get("l" + l + ".shift"));
            h = InPlaceRelu.apply(h);
        }
        h = next(h, h.batchMatMul(p.get("l" + layers + ".weight")));
        h.addi(p.get("l" + layers + ".bias"));
        return next(h, h.squeeze(2));
    }

    /**
     * {@code next}, releasing this code's handle on {@code previous} at once, as Python's reference
     * counting would: a recorded graph keeps what its backward pass reads, everything else goes back
     * to the allocator while still in cache instead of when the caller's scope closes.
     */
    private static NDArray next(NDArray previous, NDArray next) {
        previous.close();
        return next;
    }

    /**
     * Copies of the parameters that share memory but carry no gradient (for the actor's update),
     * released with {@code scope}.
     */
    Map<String, NDArray> detached(NDManager scope) {
        Map<String, NDArray> d = new LinkedHashMap<>();
        parameters.forEach((name, w) -> {
            NDArray copy = w.stopGradient();
            copy.attach(scope);
            d.put(name, copy);
        });
        return d;
    }

    /** Sets every parameter to {@code other}'s. */
    void copyFrom(CriticEnsemble other) {
        parameters.forEach((name, w) -> InPlace.copy(other.parameters.get(name), w));
    }

    /** Polyak averaging: {@code this ← τ·online + (1 − τ)·this}. */
    void polyak(CriticEnsemble online, float tau) {
        if (polyakSource != online) {
            polyakSource = online;
            polyak = new ParameterBlend(parameters, online.parameters);
        }
        polyak.apply(1 - tau, tau);
    }

    void save(Path file) throws IOException {
        TensorFiles.write(file, parameters);
    }

    void load(Path file) throws IOException {
        TensorFiles.readInto(file, parameters);
    }

    @Override
    public void close() {
        manager.close();
    }

    private NDArray parameter(float[] values, Shape shape) {
        try (NDArray staged = manager.create(values, shape)) {
            NDArray p = staged.duplicate();
            p.setRequiresGradient(true);
            return p;
        }
    }

    private static float[] uniform(RandomGenerator random, int n, float bound) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        return v;
    }
}
