package io.corrigo.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * libtorch's {@code torch::autograd::grad} for DJL arrays, through a small JNI library built with
 * this bundle ({@code src/main/cpp/corrigo_autograd.cpp}): the gradient of outputs with respect to
 * the inputs named, optionally with its own graph ({@code create_graph}), without accumulating into
 * any leaf. DJL 0.35.1 offers only {@code Tensor::backward}, which accumulates into every leaf; with
 * {@code create_graph} the parameters' gradients then hold their graph in a reference cycle that
 * nothing in DJL breaks. This is what {@code torch.autograd.grad(q.sum(), a, create_graph=True)}
 * does in Python, with PyTorch's fused double backward.
 *
 * <p>Available on Linux x86_64 when the library was built (gcc and g++ at build time) and loads,
 * after the engine (so that it binds to the engine's libtorch);
 * {@code -Dcorrigo.nativeAutograd=off} (or {@code CORRIGO_NATIVE_AUTOGRAD=off}) turns it off, to
 * reproduce numbers computed with the written-out gradient (the two round differently). Callers
 * fall back to the written-out gradient when it is unavailable; {@link #describe()} says why. On
 * loading, a check computes {@code ∂(x²)/∂x = 2x} and its own derivative {@code 2} through the
 * library and uses it only if both are exact.
 *
 * @since 1.6
 */
public final class NativeAutograd {

    private static final NativeLibrary.Feature FEATURE = new NativeLibrary.Feature("corrigo.nativeAutograd",
            "CORRIGO_NATIVE_AUTOGRAD", "libtorch's torch::autograd::grad, as PyTorch computes it",
            "the written-out gradient is used", NativeAutograd::selfCheck);

    private NativeAutograd() {
    }

    /** Whether {@link #grad} can be used; loads the engine and then the library on the first call. */
    public static boolean available() {
        return FEATURE.available();
    }

    /** Whether it is used (loading it if need be), and why not if not: for manifests and notes. */
    public static String describe() {
        return FEATURE.describe();
    }

    /** Whether a differentiable input gradient should come from here: recording, and the library loaded. */
    static boolean appliesNow() {
        return JniUtils.isGradMode() && available();
    }

    /**
     * {@code [f(x), ∂Σf(x)/∂x]} for {@code x} a copy of {@code input} that requires gradients, the
     * gradient with its own graph ({@code create_graph}); both attached to {@code input}'s manager.
     */
    static NDList outputAndInputGradient(NDArray input, UnaryOperator<NDArray> f) {
        NDArray x = input.stopGradient();
        x.setRequiresGradient(true);
        NDArray output = f.apply(x);
        return new NDList(output, grad(output, x, output.onesLike(), true));
    }

    /**
     * {@code ∂(Σ seed·output)/∂input}, shaped like {@code input}, attached to {@code input}'s
     * manager; with {@code createGraph} differentiable in turn. {@code input} must require gradients
     * and {@code output} must have been recorded from it under a {@link GradientTape}.
     */
    static NDArray grad(NDArray output, NDArray input, NDArray seed, boolean createGraph) {
        long[] handles = grad(new long[] {handle(output)}, new long[] {handle(input)}, new long[] {handle(seed)},
                createGraph);
        return new PtNDArray((PtNDManager) input.getManager(), handles[0]);
    }

    private static long handle(NDArray array) {
        if (!(array instanceof PtNDArray pt)) {
            throw new IllegalArgumentException("native autograd needs the PyTorch engine, got " + array.getClass());
        }
        return pt.getHandle();
    }

    private static native long[] grad(long[] outputs, long[] inputs, long[] seeds, boolean createGraph);

    /** {@code null} if {@code ∂(x²)/∂x} and its derivative come out exact, else what came out. */
    private static String selfCheck() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), Devices.ENGINE);
             GradientTape ignored = GradientTape.record()) {
            NDArray x = m.create(new float[] {1f, 2f, -3f});
            x.setRequiresGradient(true);
            NDArray y = x.mul(x);
            NDArray first = grad(y, x, y.onesLike(), true);
            NDArray second = grad(first, x, first.onesLike(), false);
            float[] g = first.toFloatArray();
            float[] h = second.toFloatArray();
            if (!Arrays.equals(g, new float[] {2f, 4f, -6f}) || !Arrays.equals(h, new float[] {2f, 2f, 2f})) {
                return "its check gave " + Arrays.toString(g) + " and " + Arrays.toString(h)
                        + " instead of [2, 4, -6] and [2, 2, 2]";
            }
            return null;
        } catch (RuntimeException e) {
            return "its check failed (" + e.getMessage() + ")";
        }
    }
}
