package io.corrigo.api;

/**
 * What a learner and a teacher see of the environment's state: an immutable float vector.
 *
 * @since 1.0
 */
public final class Observation extends FloatVector {

    private Observation(float[] values) {
        super(values);
    }

    /** An observation holding a copy of {@code values}; every value must be finite. */
    public static Observation of(float... values) {
        return new Observation(values.clone());
    }

    /** An observation of doubles, narrowed to floats. */
    public static Observation ofDoubles(double... values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return new Observation(f);
    }
}
