package io.corrigo.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import java.util.Random;

/**
 * {@link AdamOptimizer}'s update for all its parameters in one JNI call and three passes over each
 * parameter's memory ({@code src/main/cpp/corrigo_adam.cpp}), bit for bit what DJL's
 * {@code adamUpdate} and {@code zeroGrad} compute. DJL's form runs about a dozen libtorch operations
 * per parameter, each a pass over memory with its own dispatch, and allocates five temporaries; for
 * a 10→256→256→2 network the fused update takes about 160 µs off a 580 µs training step at batch 32.
 *
 * <p>Used for float32 parameters on the CPU when the bundle's JNI library loads and a check on
 * loading finds the fused update equal, bit for bit, to DJL's over three steps on parameters of
 * several sizes (one without a gradient), with and without decoupled weight decay. Otherwise, and
 * with {@code -Dcorrigo.nativeAdam=off} (or {@code CORRIGO_NATIVE_ADAM=off}), the optimizer uses
 * DJL's update; {@link #describe()} says which and why. Either way the numbers are the same.
 *
 * @since 1.8
 */
public final class NativeAdam {

    private static final int[] CHECK_SIZES = {1, 5, 16, 31, 33, 257, 4099};
    private static final int CHECK_STEPS = 3;

    private static final NativeLibrary.Feature FEATURE = new NativeLibrary.Feature("corrigo.nativeAdam",
            "CORRIGO_NATIVE_ADAM", "one JNI call, three passes per parameter, bit for bit DJL's adamUpdate", "DJL's update is used",
            NativeAdam::selfCheck);

    private NativeAdam() {
    }

    /** Whether the fused update can be used; loads the engine and then the library on the first call. */
    public static boolean available() {
        return FEATURE.available();
    }

    /** Whether it is used (loading it if need be), and why not if not: for manifests and notes. */
    public static String describe() {
        return FEATURE.describe();
    }

    /** Whether {@code parameter} can take the fused update: a float32 libtorch array on the CPU. */
    static boolean fits(NDArray parameter) {
        return parameter instanceof PtNDArray && parameter.getDataType() == DataType.FLOAT32
                && parameter.getDevice().equals(Device.cpu());
    }

    /**
     * One Adam step for every parameter, reading each one's gradient and zeroing it (a parameter
     * without one is updated with zeros, as DJL does); {@code roots} are scratch arrays shaped like
     * the parameters, for the second moments' square roots. Checks all the arrays (float32,
     * contiguous, allocated) before changing any: if one fails, changes nothing and returns why;
     * else returns {@code null}.
     */
    static native String step(long[] weights, long[] means, long[] variances, long[] roots, long[] sizes, float learningRate,
            float correctedRate, float weightDecay, float beta1, float beta2, float epsilon, boolean decoupled);

    /** A DJL handle, for {@link #step}. */
    static long handle(NDArray array) {
        return ((PtNDArray) array).getHandle();
    }

    private static String selfCheck() {
        for (float decay : new float[] {0f, 0.01f}) {
            String wrong = selfCheck(decay);
            if (wrong != null) {
                return wrong;
            }
        }
        return null;
    }

    /** {@code null} if the fused update equals DJL's bit for bit, else where it does not. */
    private static String selfCheck(float decay) {
        Random random = new Random(20261206L);
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), Devices.ENGINE)) {
            int n = CHECK_SIZES.length;
            NDArray[][] state = new NDArray[2][];
            NDArray[][] means = new NDArray[2][n];
            NDArray[][] variances = new NDArray[2][n];
            long[] roots = new long[n];
            float[][] start = new float[n][];
            for (int i = 0; i < n; i++) {
                start[i] = values(random, CHECK_SIZES[i]);
            }
            for (int side = 0; side < 2; side++) {
                state[side] = new NDArray[n];
                for (int i = 0; i < n; i++) {
                    state[side][i] = m.create(start[i]);
                    state[side][i].setRequiresGradient(true);
                    means[side][i] = m.zeros(state[side][i].getShape());
                    variances[side][i] = m.zeros(state[side][i].getShape());
                }
            }
            for (int i = 0; i < n; i++) {
                roots[i] = handle(m.zeros(state[1][i].getShape()));
            }
            for (int t = 1; t <= CHECK_STEPS; t++) {
                float[][] slopes = new float[n][];
                for (int i = 0; i < n; i++) {
                    slopes[i] = values(random, CHECK_SIZES[i]);
                }
                float corrected = (float) (1e-3 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t)));
                for (int side = 0; side < 2; side++) {
                    backward(m, state[side], slopes);
                }
                for (int i = 0; i < n; i++) {
                    try (NDArray grad = state[0][i].getGradient()) {
                        AdamOptimizer.djlUpdate(state[0][i], grad, means[0][i], variances[0][i], 1e-3f, corrected, decay,
                                0.9f, 0.999f, 1e-8f);
                    }
                }
                long[] sizes = new long[n];
                long[][] handles = new long[3][n];
                for (int i = 0; i < n; i++) {
                    sizes[i] = CHECK_SIZES[i];
                    handles[0][i] = handle(state[1][i]);
                    handles[1][i] = handle(means[1][i]);
                    handles[2][i] = handle(variances[1][i]);
                }
                String refused = step(handles[0], handles[1], handles[2], roots, sizes, 1e-3f, corrected, decay, 0.9f,
                        0.999f, 1e-8f, decay > 0);
                if (refused != null) {
                    return "it refused its check's arrays (" + refused + ")";
                }
                for (int i = 0; i < n; i++) {
                    String differs;
                    try (NDArray g0 = state[0][i].getGradient(); NDArray g1 = state[1][i].getGradient()) {
                        differs = firstDifference(state[0][i], state[1][i], means[0][i], means[1][i],
                                variances[0][i], variances[1][i], g0, g1);
                    }
                    if (differs != null) {
                        return "its check differs from DJL's update at step " + t + ", parameter size " + CHECK_SIZES[i]
                                + ", weight decay " + decay + ": " + differs;
                    }
                }
            }
            return null;
        } catch (RuntimeException e) {
            return "its check failed (" + e.getMessage() + ")";
        }
    }

    /** Gradients {@code slopes} for every parameter but the last, which is left without one. */
    private static void backward(NDManager m, NDArray[] params, float[][] slopes) {
        try (GradientTape tape = GradientTape.record()) {
            NDArray loss = null;
            for (int i = 0; i < params.length - 1; i++) {
                NDArray term = params[i].mul(m.create(slopes[i])).sum();
                loss = loss == null ? term : loss.add(term);
            }
            tape.backward(loss);
        }
    }

    /** Values over several orders of magnitude, with both signs and some exact zeros. */
    private static float[] values(Random random, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = i % 17 == 3 ? 0f : (float) (random.nextGaussian() * Math.pow(10, random.nextInt(7) - 4));
        }
        return v;
    }

    private static String firstDifference(NDArray... pairs) {
        String[] names = {"weight", "first moment", "second moment", "gradient after the step"};
        for (int p = 0; p < pairs.length; p += 2) {
            float[] a = pairs[p].toFloatArray();
            float[] b = pairs[p + 1].toFloatArray();
            for (int j = 0; j < a.length; j++) {
                if (Float.floatToRawIntBits(a[j]) != Float.floatToRawIntBits(b[j])) {
                    return names[p / 2] + "[" + j + "] is " + b[j] + " instead of " + a[j];
                }
            }
        }
        return null;
    }
}
