package io.corrigo.plugin.oracle;

import io.corrigo.api.Action;

/** Double-precision vector arithmetic for the noise models; the inputs are never modified. */
final class Vectors {

    private Vectors() {
    }

    static double[] of(Action action) {
        double[] v = new double[action.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = action.get(i);
        }
        return v;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double maxAbs(double[] a) {
        double max = 0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /** {@code x·a + y·b}. */
    static double[] combine(double x, double[] a, double y, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = x * a[i] + y * b[i];
        }
        return r;
    }

    static double[] plus(double[] a, double[] b) {
        return combine(1, a, 1, b);
    }

    static double[] minus(double[] a, double[] b) {
        return combine(1, a, -1, b);
    }

    static double[] times(double factor, double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = factor * a[i];
        }
        return r;
    }
}
