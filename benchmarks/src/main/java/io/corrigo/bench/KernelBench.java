package io.corrigo.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.LayerNorm;
import io.corrigo.api.run.ComputeDevice;
import io.corrigo.core.internal.djl.DjlRuntime;
import io.corrigo.djl.Devices;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Opt-in rows ({@code --filter KernelBench}): one libtorch operation at a time, at the shapes of the
 * RLIF critics (2 stacked members, batch 256, width 256, 10 inputs), called as the learner calls it
 * through DJL. Python calls the same operation on the same shapes. Inputs are uniform in [0.1, 1):
 * positive, so no operation takes a slow path for special values.
 */
@State(Scope.Thread)
public class KernelBench {

    @Param({"bmm", "bmm-k10", "bmm-n1", "bmm-n1-grad", "add-bias", "layer-norm", "relu", "sum-rows"})
    public String op;

    private NDManager manager;
    private NDArray hidden;
    private NDArray hiddenT;
    private NDArray weights;
    private NDArray input;
    private NDArray inputWeights;
    private NDArray output;
    private NDArray gradient;
    private NDArray bias;
    private NDArray unit;
    private NDArray zero;
    private NDArray rows;
    private final Shape width = new Shape(256);
    private final int[] dim1 = {1};

    @Setup(Level.Trial)
    public void setUp() {
        DjlRuntime.configure();
        manager = Devices.newManager(ComputeDevice.CPU);
        hidden = uniform(2, 256, 256);
        hiddenT = hidden.transpose(0, 2, 1);
        weights = uniform(2, 256, 256);
        input = uniform(2, 256, 10);
        inputWeights = uniform(2, 10, 256);
        output = uniform(2, 256, 1);
        gradient = uniform(2, 256, 1);
        bias = uniform(2, 1, 256);
        unit = manager.ones(width);
        zero = manager.zeros(width);
        rows = uniform(256, 2);
    }

    private NDArray uniform(long... shape) {
        return manager.randomUniform(0.1f, 1f, new Shape(shape));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }

    @Benchmark
    public long op() {
        try (NDArray y = apply()) {
            return y.size();
        }
    }

    private NDArray apply() {
        return switch (op) {
            case "bmm" -> hidden.matMul(weights);
            case "bmm-k10" -> input.matMul(inputWeights);
            case "bmm-n1" -> hidden.matMul(output);
            case "bmm-n1-grad" -> hiddenT.matMul(gradient);
            case "add-bias" -> hidden.add(bias);
            case "layer-norm" -> LayerNorm.layerNorm(hidden, width, unit, zero, 1e-5f).singletonOrThrow();
            case "relu" -> Activation.relu(hidden);
            case "sum-rows" -> rows.sum(dim1);
            default -> throw new IllegalArgumentException("unknown kernel " + op);
        };
    }
}
