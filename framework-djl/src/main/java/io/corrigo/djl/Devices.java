package io.corrigo.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.corrigo.api.run.ComputeDevice;

/**
 * Maps the host's resolved {@link ComputeDevice} to DJL. Plugins never probe devices themselves.
 *
 * @since 1.0
 */
public final class Devices {

    /** The DJL engine every Corrigo learner runs on. */
    public static final String ENGINE = "PyTorch";

    /** The intra-op thread count applied on each thread so far (0: none configured). */
    private static final ThreadLocal<Integer> HELD = new ThreadLocal<>();

    private Devices() {
    }

    /** The DJL device for {@code device}: the CPU, or GPU number {@code device.index()}. */
    public static Device toDjl(ComputeDevice device) {
        return switch (device.kind()) {
            case CPU -> Device.cpu();
            case GPU -> Device.gpu(device.index());
        };
    }

    /**
     * A new base manager on {@code device} for the PyTorch engine; the caller closes it. The calling
     * thread, which will compute with it, is then held to the configured intra-op thread count
     * (see {@link #holdThreadCountOnThisThread()}).
     */
    public static NDManager newManager(ComputeDevice device) {
        NDManager manager = NDManager.newBaseManager(toDjl(device), ENGINE);
        holdThreadCountOnThisThread();
        return manager;
    }

    /**
     * Applies {@code ai.djl.pytorch.num_threads} (the host sets 1) to the calling thread. libtorch
     * keeps that count per thread for OpenMP and MKL ({@code mkl_set_num_threads_local}), and DJL
     * applies it only on the thread that loads the engine: on any other thread — a trial's, a
     * benchmark's — MKL's matrix products used every core until that thread happened to run a large
     * element-wise operation first. Returns the count now in force here, or 0 where none is configured.
     */
    public static int holdThreadCountOnThisThread() {
        Integer held = HELD.get();
        if (held != null) {
            return held;
        }
        Integer configured = Integer.getInteger("ai.djl.pytorch.num_threads");
        int n = configured != null && configured > 0 ? configured : 0;
        if (n > 0) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(n);
        }
        HELD.set(n);
        return n;
    }
}
