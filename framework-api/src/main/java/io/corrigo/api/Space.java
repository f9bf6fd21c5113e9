package io.corrigo.api;

import java.util.Arrays;

/**
 * A bounded box {@code [low_i, high_i]} of observations or actions. Immutable, compared by content.
 *
 * @since 1.0
 */
public final class Space {

    private final float[] low;
    private final float[] high;

    private Space(float[] low, float[] high) {
        if (low.length != high.length || low.length == 0) {
            throw new IllegalArgumentException("low and high must have the same, non-zero length");
        }
        for (int i = 0; i < low.length; i++) {
            if (!(low[i] <= high[i]) || !Float.isFinite(low[i]) || !Float.isFinite(high[i])) {
                throw new IllegalArgumentException(
                        "bound " + i + " must be finite with low <= high, was [" + low[i] + ", " + high[i] + "]");
            }
        }
        this.low = low;
        this.high = high;
    }

    /** A box with per-dimension bounds (copied). */
    public static Space box(float[] low, float[] high) {
        return new Space(low.clone(), high.clone());
    }

    /** The box {@code [low, high]^dimension}. */
    public static Space cube(int dimension, float low, float high) {
        float[] lo = new float[dimension];
        float[] hi = new float[dimension];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new Space(lo, hi);
    }

    /** Number of dimensions. */
    public int dimension() {
        return low.length;
    }

    /** Lower bound of dimension {@code i}. */
    public float low(int i) {
        return low[i];
    }

    /** Upper bound of dimension {@code i}. */
    public float high(int i) {
        return high[i];
    }

    /** Whether every component of {@code v} lies within the bounds. */
    public boolean contains(FloatVector v) {
        if (v.size() != low.length) {
            return false;
        }
        for (int i = 0; i < low.length; i++) {
            if (v.get(i) < low[i] || v.get(i) > high[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code action} with each component clipped into the bounds. */
    public Action clip(Action action) {
        if (action.size() != low.length) {
            throw new IllegalArgumentException("action has " + action.size() + " dimensions, space " + low.length);
        }
        float[] r = action.toArray();
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.max(low[i], Math.min(high[i], r[i]));
        }
        return Action.of(r);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Space s && Arrays.equals(low, s.low) && Arrays.equals(high, s.high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "Space[low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + "]";
    }
}
