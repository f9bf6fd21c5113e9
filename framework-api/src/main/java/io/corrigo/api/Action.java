package io.corrigo.api;

/**
 * A command to the environment: an immutable float vector. Arithmetic helpers return new actions.
 *
 * @since 1.0
 */
public final class Action extends FloatVector {

    private Action(float[] values) {
        super(values);
    }

    /** An action holding a copy of {@code values}; every value must be finite. */
    public static Action of(float... values) {
        return new Action(values.clone());
    }

    /** An action of doubles, narrowed to floats. */
    public static Action ofDoubles(double... values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return new Action(f);
    }

    /** The zero action of the given dimension. */
    public static Action zeros(int dimension) {
        return new Action(new float[dimension]);
    }

    /** {@code this + other}, component-wise. */
    public Action plus(Action other) {
        requireSameSize(other);
        float[] a = values();
        float[] b = other.values();
        float[] r = new float[a.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = a[i] + b[i];
        }
        return new Action(r);
    }

    /** {@code this - other}, component-wise. */
    public Action minus(Action other) {
        requireSameSize(other);
        float[] a = values();
        float[] b = other.values();
        float[] r = new float[a.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = a[i] - b[i];
        }
        return new Action(r);
    }

    /** {@code factor * this}. */
    public Action times(double factor) {
        float[] a = values();
        float[] r = new float[a.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) (a[i] * factor);
        }
        return new Action(r);
    }

    /** The largest absolute component (the L-infinity norm). */
    public double maxAbs() {
        double m = 0;
        for (float v : values()) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
