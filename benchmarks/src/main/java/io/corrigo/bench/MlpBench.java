package io.corrigo.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.corrigo.api.run.ComputeDevice;
import io.corrigo.core.internal.djl.DjlRuntime;
import io.corrigo.djl.AdamOptimizer;
import io.corrigo.djl.Devices;
import io.corrigo.djl.GradientTape;
import io.corrigo.djl.Mlp;
import io.corrigo.djl.StagedInput;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The plain MLP of {@code bc} and of the suite's row (1): 10 → 256 → 256 → 2, ReLU, tanh
 * output, Adam 3e-4 on half the mean squared error. Inputs are staged from Java arrays every call,
 * as the learners do; {@code torch_reference.py} does the same work in Python.
 */
@State(Scope.Thread)
public class MlpBench {

    private static final int OBSERVATION = 10;
    private static final int ACTION = 2;

    @Param({"32", "256"})
    public int batch;

    private NDManager manager;
    private Mlp mlp;
    private AdamOptimizer adam;
    private StagedInput x;
    private StagedInput y;
    private NDArray half;
    private float[] xs;
    private float[] ys;

    @Setup(Level.Trial)
    public void setUp() {
        DjlRuntime.configure();
        SplittableRandom random = new SplittableRandom(1);
        manager = Devices.newManager(ComputeDevice.CPU);
        mlp = Mlp.builder().setInputSize(OBSERVATION).setHiddenSizes(List.of(256, 256)).setOutputSize(ACTION)
                .optOutputSquash(Mlp.OutputSquash.TANH).build(manager, random);
        adam = AdamOptimizer.builder().setLearningRate(3e-4f).build(manager, mlp.parameters());
        x = new StagedInput(manager, new Shape(batch, OBSERVATION));
        y = new StagedInput(manager, new Shape(batch, ACTION));
        half = manager.create(0.5f);
        xs = Data.uniform(random, batch * OBSERVATION);
        ys = Data.uniform(random, batch * ACTION);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        adam.close();
        mlp.close();
        manager.close();
    }

    /** Row (1): one Adam step on a batch staged from Java arrays. */
    @Benchmark
    public void trainStep() {
        x.values().put(xs);
        y.values().put(ys);
        try (NDManager step = manager.newSubManager()) {
            NDArray in = x.upload(step);
            NDArray target = y.upload(step);
            try (GradientTape tape = GradientTape.record()) {
                tape.backward(mlp.forward(in).sub(target).square().mean().mul(half));
            }
            adam.step();
        }
    }
}
