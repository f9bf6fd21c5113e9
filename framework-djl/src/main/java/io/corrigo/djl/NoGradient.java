package io.corrigo.djl;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns gradient recording off on the calling thread until closed: for acting, targets and in-place
 * parameter edits. PyTorch enables recording by default on threads other than the one that loaded
 * the engine, so code that must not build graphs says so explicitly. Close on the same thread.
 *
 * @since 1.0
 */
public final class NoGradient implements AutoCloseable {

    private final boolean previous;
    private boolean closed;

    private NoGradient() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    /** Stops recording on the calling thread. */
    public static NoGradient enter() {
        return new NoGradient();
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
