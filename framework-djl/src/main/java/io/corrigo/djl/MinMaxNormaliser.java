package io.corrigo.djl;

import io.corrigo.api.Action;
import io.corrigo.api.FloatVector;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;

/**
 * Maps a {@link Space}'s box affinely onto [−1, 1] per dimension, and back:
 * {@code n = 2·(x − low)/(high − low) − 1}. A dimension with {@code low == high} maps to 0 and
 * back to {@code low}. Values outside the box map outside [−1, 1]; only {@link #toAction} clips.
 * Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class MinMaxNormaliser {

    private final Space space;
    private final float[] low;
    private final float[] range;

    private MinMaxNormaliser(Space space) {
        this.space = space;
        int d = space.dimension();
        low = new float[d];
        range = new float[d];
        for (int i = 0; i < d; i++) {
            low[i] = space.low(i);
            range[i] = space.high(i) - space.low(i);
        }
    }

    /** The normaliser of {@code space}. */
    public static MinMaxNormaliser of(Space space) {
        return new MinMaxNormaliser(space);
    }

    /** The space it normalises. */
    public Space space() {
        return space;
    }

    /** Number of dimensions. */
    public int dimension() {
        return low.length;
    }

    /** Component {@code i} of {@code value} mapped into [−1, 1]. */
    public float normalise(int i, float value) {
        return range[i] == 0 ? 0f : 2f * (value - low[i]) / range[i] - 1f;
    }

    /** Component {@code i} mapped back from [−1, 1]. */
    public float denormalise(int i, float normalised) {
        return low[i] + (normalised + 1f) * 0.5f * range[i];
    }

    /** Writes {@code vector} normalised into {@code target[offset …]}. */
    public void normalise(FloatVector vector, float[] target, int offset) {
        requireDimension(vector.size());
        for (int i = 0; i < low.length; i++) {
            target[offset + i] = normalise(i, vector.get(i));
        }
    }

    /** {@code vector} normalised, as a new array. */
    public float[] normalise(FloatVector vector) {
        float[] out = new float[low.length];
        normalise(vector, out, 0);
        return out;
    }

    /** The action whose normalised form is {@code normalised[offset …]}, clipped into the space. */
    public Action toAction(float[] normalised, int offset) {
        float[] a = new float[low.length];
        for (int i = 0; i < a.length; i++) {
            float v = denormalise(i, normalised[offset + i]);
            a[i] = Math.max(space.low(i), Math.min(space.high(i), v));
        }
        return Action.of(a);
    }

    /** The observation whose normalised form is {@code normalised[offset …]} (not clipped). */
    public Observation toObservation(float[] normalised, int offset) {
        float[] o = new float[low.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = denormalise(i, normalised[offset + i]);
        }
        return Observation.of(o);
    }

    private void requireDimension(int size) {
        if (size != low.length) {
            throw new IllegalArgumentException("vector has " + size + " components, space " + low.length);
        }
    }
}
