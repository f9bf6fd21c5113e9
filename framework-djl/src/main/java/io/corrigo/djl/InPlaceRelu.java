package io.corrigo.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.pytorch.engine.PtNDArray;
import java.util.Arrays;

/**
 * ReLU written into its input, as Python's {@code torch.relu_}: libtorch's {@code relu_} through
 * this bundle's JNI library ({@code src/main/cpp/corrigo_inplace.cpp}). The same kernel as DJL's
 * {@code Activation.relu}, so the same bits, without a new array: a network's activations are
 * written once and read from cache instead of allocated again per layer. Recorded by autograd
 * like any libtorch operation (ReLU's backward pass reads the result, which stays in place), so
 * it must not be applied to an array another recorded operation still needs as it was, nor to a
 * leaf that requires gradients.
 *
 * <p>Used when the library loads and a check on loading finds the values and the gradient equal to
 * DJL's {@code relu} bit for bit; otherwise, or with {@code -Dcorrigo.inPlaceRelu=off} (or
 * {@code CORRIGO_IN_PLACE_RELU=off}), {@link #apply} falls back to DJL's {@code relu} and closes
 * its input.
 *
 * @since 1.9
 */
public final class InPlaceRelu {

    private static final NativeLibrary.Feature FEATURE = new NativeLibrary.Feature("corrigo.inPlaceRelu",
            "CORRIGO_IN_PLACE_RELU", "libtorch's relu_, in place", "DJL's relu makes a new array",
            InPlaceRelu::selfCheck);

    private InPlaceRelu() {
    }

    /** Whether ReLU runs in place (loading the engine and the library on the first call). */
    public static boolean available() {
        return FEATURE.available();
    }

    /** Whether it is used, and why not if not: for manifests and notes. */
    public static String describe() {
        return FEATURE.describe();
    }

    /**
     * {@code max(x, 0)}: {@code x} itself, overwritten, when this runs in place; else a new array
     * from DJL's {@code relu}, with {@code x} closed. Either way the caller holds only the result.
     */
    public static NDArray apply(NDArray x) {
        if (x instanceof PtNDArray pt && x.getDevice().equals(Device.cpu()) && available()) {
            relu(pt.getHandle());
            return x;
        }
        NDArray y = Activation.relu(x);
        x.close();
        return y;
    }

    private static native void relu(long handle);

    /** {@code null} if values and gradient equal DJL's {@code relu} bit for bit, else what differed. */
    private static String selfCheck() {
        float[] values = {-2.5f, -0f, 0f, 1e-30f, -1e-30f, 3.25f, Float.NaN, -7f, 0.5f};
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), Devices.ENGINE);
             GradientTape tape = GradientTape.record()) {
            NDArray x = m.create(values);
            x.setRequiresGradient(true);
            NDArray expected = Activation.relu(x.mul(x.onesLike()));
            NDArray scaled = x.mul(x.onesLike());
            relu(((PtNDArray) scaled).getHandle());
            float[] e = expected.toFloatArray();
            float[] a = scaled.toFloatArray();
            tape.backward(scaled.mul(m.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9})).sum());
            float[] g = x.getGradient().toFloatArray();
            float[] wanted = {0, 0, 0, 4, 0, 6, 7, 0, 9};
            if (!Arrays.equals(bits(e), bits(a)) || !Arrays.equals(g, wanted)) {
                return "its check gave " + Arrays.toString(a) + " with gradient " + Arrays.toString(g) + " instead of "
                        + Arrays.toString(e) + " with gradient " + Arrays.toString(wanted);
            }
            return null;
        } catch (RuntimeException | LinkageError e) {
            return "its check failed (" + e.getMessage() + ")";
        }
    }

    static int[] bits(float[] values) {
        int[] b = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = Float.floatToRawIntBits(values[i]);
        }
        return b;
    }
}
