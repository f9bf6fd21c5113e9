package io.corrigo.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Writes values into an array's own memory. DJL's {@code set(float[])} and {@code set(Buffer)}
 * instead point the array at a new Java direct buffer: a parameter loaded that way leaves the
 * engine's (64-byte aligned) memory for memory that counts against the JVM's direct-memory limit,
 * and views of it taken before keep the old values. Runs without recording gradients.
 *
 * @since 1.0
 */
public final class InPlace {

    private InPlace() {
    }

    /** Copies {@code source} into {@code target}; same shape, any device. */
    public static void copy(NDArray source, NDArray target) {
        if (!source.getShape().equals(target.getShape())) {
            throw new IllegalArgumentException("cannot copy shape " + source.getShape() + " into " + target.getShape());
        }
        try (NoGradient ignored = NoGradient.enter()) {
            target.set(new NDIndex(":"), source);
        }
    }

    /** Copies {@code values}, row-major, into {@code target}. */
    public static void copy(float[] values, NDArray target) {
        if (values.length != target.size()) {
            throw new IllegalArgumentException("cannot copy " + values.length + " values into shape " + target.getShape());
        }
        try (NDArray staged = target.getManager().create(values, target.getShape())) {
            copy(staged, target);
        }
    }
}
