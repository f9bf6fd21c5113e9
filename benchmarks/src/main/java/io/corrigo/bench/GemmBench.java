package io.corrigo.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.corrigo.api.run.ComputeDevice;
import io.corrigo.core.internal.djl.DjlRuntime;
import io.corrigo.djl.Devices;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The core's FP32 matrix-product rate on one thread: a (1024 × 256) by (256 × 256) product, the
 * shape of a hidden layer over a DFO candidate set. The suite turns its time into GFLOP/s and
 * measures every other row against the faster of this and Python's rate.
 */
@State(Scope.Thread)
public class GemmBench {

    /** Floating-point operations of one product. */
    public static final double FLOPS = 2.0 * 1024 * 256 * 256;

    private NDManager manager;
    private NDArray x;
    private NDArray w;

    @Setup(Level.Trial)
    public void setUp() {
        DjlRuntime.configure();
        manager = Devices.newManager(ComputeDevice.CPU);
        x = manager.ones(new Shape(1024, 256));
        w = manager.ones(new Shape(256, 256));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }

    @Benchmark
    public float product() {
        try (NDArray y = x.matMul(w)) {
            return y.getFloat(0, 0);
        }
    }
}
