package io.corrigo.plugin.classic;

/** Angle arithmetic shared by the tasks. */
final class Angles {

    private static final double TWO_PI = 2 * Math.PI;

    private Angles() {
    }

    /** {@code angle} wrapped into {@code [-π, π)}, as Gym's {@code angle_normalize}. */
    static double wrap(double angle) {
        double shifted = (angle + Math.PI) % TWO_PI;
        return (shifted < 0 ? shifted + TWO_PI : shifted) - Math.PI;
    }
}
