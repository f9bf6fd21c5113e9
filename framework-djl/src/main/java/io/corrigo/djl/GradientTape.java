package io.corrigo.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Records operations on parameters that require gradients, on the calling thread, until closed;
 * {@link #backward(NDArray)} then accumulates gradients into those parameters.
 *
 * <pre>{@code
 * try (GradientTape tape = GradientTape.record()) {
 *     NDArray loss = ...;
 *     tape.backward(loss);
 * }
 * }</pre>
 *
 * <p>Why not DJL's {@code GradientCollector}: {@code PtGradientCollector} keeps a JVM-wide flag and
 * refuses a second collector while one is open, so two trials training on two threads of one JVM
 * would fail. PyTorch's grad mode is thread-local; this tape switches only the calling thread's.
 * Open and close a tape on the same thread. PyTorch engine only.
 *
 * @since 1.0
 */
public final class GradientTape implements AutoCloseable {

    private final boolean previous;
    private boolean closed;

    private GradientTape() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    /** Starts recording on the calling thread. */
    public static GradientTape record() {
        return new GradientTape();
    }

    /**
     * Whether operations on the calling thread are recorded now (inside a tape and not under
     * {@link NoGradient}): code that would write into an array in place asks this first.
     *
     * @since 1.9
     */
    public static boolean recording() {
        return JniUtils.isGradMode();
    }

    /** Back-propagates the scalar {@code loss}; gradients add up in the parameters' gradients. */
    public void backward(NDArray loss) {
        backward(loss, false);
    }

    /**
     * Back-propagates {@code loss} keeping and differentiating the graph, so that gradients read
     * afterwards can themselves be differentiated (gradient penalties).
     */
    public void backwardCreatingGraph(NDArray loss) {
        backward(loss, true);
    }

    private void backward(NDArray loss, boolean createGraph) {
        if (closed) {
            throw new IllegalStateException("the tape is closed");
        }
        if (!(loss instanceof PtNDArray pt)) {
            throw new IllegalArgumentException("GradientTape supports the PyTorch engine only, got " + loss.getClass());
        }
        try (NDArray seed = loss.onesLike()) {
            JniUtils.backward(pt, (PtNDArray) seed, createGraph, createGraph);
        }
    }

    /** Restores the thread's previous grad mode; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            JniUtils.setGradMode(previous);
        }
    }
}
