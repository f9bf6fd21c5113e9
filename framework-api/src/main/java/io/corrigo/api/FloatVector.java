package io.corrigo.api;

import java.util.Arrays;

/**
 * A small immutable vector of floats, compared by content. Observations and actions cross the API
 * as these, never as tensors of a learning library.
 *
 * <p>Instances are thread-safe. The backing array is never exposed: {@link #toArray()} copies.
 *
 * @since 1.0
 */
public abstract sealed class FloatVector permits Observation, Action {

    private final float[] values;

    FloatVector(float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        "component " + i + " is not finite: " + values[i] + " in " + Arrays.toString(values));
            }
        }
        this.values = values;
    }

    /** Number of components. */
    public final int size() {
        return values.length;
    }

    /** Component {@code i}, {@code 0 <= i < size()}. */
    public final float get(int i) {
        return values[i];
    }

    /** A fresh copy of the components. */
    public final float[] toArray() {
        return values.clone();
    }

    /** Copies the components into {@code target} starting at {@code offset}. */
    public final void copyInto(float[] target, int offset) {
        System.arraycopy(values, 0, target, offset, values.length);
    }

    /** Euclidean norm. */
    public final double norm() {
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }

    /** Euclidean distance to a vector of the same size. */
    public final double distanceTo(FloatVector other) {
        requireSameSize(other);
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            double d = (double) values[i] - other.values[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    final void requireSameSize(FloatVector other) {
        if (other.size() != size()) {
            throw new IllegalArgumentException("size mismatch: " + size() + " vs " + other.size());
        }
    }

    final float[] values() {
        return values;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(values, ((FloatVector) o).values);
    }

    @Override
    public final int hashCode() {
        return 31 * getClass().hashCode() + Arrays.hashCode(values);
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + Arrays.toString(values);
    }
}
