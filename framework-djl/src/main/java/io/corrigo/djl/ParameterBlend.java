package io.corrigo.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code target ← keep·target + take·source} over matching sets of arrays: Polyak averaging of
 * target networks, exponential moving averages of parameters. Float32 arrays on the CPU are blended
 * in one JNI call and one pass each ({@code src/main/cpp/corrigo_blend.cpp}), bit for bit what DJL's
 * {@code target.muli(keep).addi(source.mul(take))} computes, which the others get (as does
 * everything when the bundle's JNI library is not loaded, or with {@code -Dcorrigo.nativeAdam=off}
 * / {@code CORRIGO_NATIVE_ADAM=off}). A check on loading compares the two bit for bit.
 *
 * @since 1.8
 */
public final class ParameterBlend {

    private static Boolean available;

    private final List<NDArray> targets = new ArrayList<>();
    private final List<NDArray> sources = new ArrayList<>();
    private long[][] fused;

    /**
     * A blend of {@code sources} into {@code targets}: the same names, each pair of the same shape.
     * The arrays are not copied; they must stay open while this is used.
     */
    public ParameterBlend(Map<String, NDArray> targets, Map<String, NDArray> sources) {
        if (!targets.keySet().equals(sources.keySet())) {
            throw new IllegalArgumentException("targets " + targets.keySet() + " and sources " + sources.keySet()
                    + " differ in names");
        }
        targets.forEach((name, t) -> {
            NDArray s = sources.get(name);
            if (!t.getShape().equals(s.getShape())) {
                throw new IllegalArgumentException(name + ": target " + t.getShape() + " and source " + s.getShape()
                        + " differ in shape");
            }
            this.targets.add(t);
            this.sources.add(s);
        });
        boolean fits = this.targets.stream().allMatch(NativeAdam::fits) && this.sources.stream().allMatch(NativeAdam::fits);
        fused = fits && available() ? handles(this.targets, this.sources) : null;
    }

    /** {@code target ← keep·target + take·source} for every pair, outside any recorded graph. */
    public void apply(float keep, float take) {
        if (fused != null && blend(fused[0], fused[1], fused[2], keep, take) == null) {
            return;
        }
        fused = null; // an array the native pass refused (e.g. a strided view): DJL's operations, same numbers
        try (NoGradient ignored = NoGradient.enter()) {
            for (int i = 0; i < targets.size(); i++) {
                djlBlend(targets.get(i), sources.get(i), keep, take);
            }
        }
    }

    /** Whether the native pass is used. */
    public boolean fused() {
        return fused != null;
    }

    private static void djlBlend(NDArray target, NDArray source, float keep, float take) {
        try (NDArray moved = source.mul(take)) {
            target.muli(keep).addi(moved);
        }
    }

    private static long[][] handles(List<NDArray> targets, List<NDArray> sources) {
        long[][] h = new long[3][targets.size()];
        for (int i = 0; i < targets.size(); i++) {
            h[0][i] = NativeAdam.handle(targets.get(i));
            h[1][i] = NativeAdam.handle(sources.get(i));
            h[2][i] = targets.get(i).size();
        }
        return h;
    }

    /** Checks all arrays first; if one is refused, changes nothing and returns why, else null. */
    private static native String blend(long[] targets, long[] sources, long[] sizes, float keep, float take);

    private static synchronized boolean available() {
        if (available == null) {
            available = NativeAdam.available() && selfCheck();
        }
        return available;
    }

    /** Whether the native blend equals DJL's operations bit for bit on arrays of several sizes. */
    private static boolean selfCheck() {
        Random random = new Random(20261206L);
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), Devices.ENGINE)) {
            for (int size : new int[] {1, 7, 33, 4099}) {
                float[] t = new float[size];
                float[] s = new float[size];
                for (int i = 0; i < size; i++) {
                    t[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(7) - 4));
                    s[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(7) - 4));
                }
                NDArray expected = m.create(t);
                NDArray actual = m.create(t);
                NDArray source = m.create(s);
                djlBlend(expected, source, 0.995f, 0.005f);
                String refused = blend(new long[] {NativeAdam.handle(actual)}, new long[] {NativeAdam.handle(source)},
                        new long[] {size}, 0.995f, 0.005f);
                float[] e = expected.toFloatArray();
                float[] a = actual.toFloatArray();
                for (int i = 0; i < size; i++) {
                    if (refused != null || Float.floatToRawIntBits(e[i]) != Float.floatToRawIntBits(a[i])) {
                        return false;
                    }
                }
            }
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
