package io.corrigo.plugin.pusht;

/**
 * A planar pose in pixels and radians: the world position of a body's local origin and its
 * counter-clockwise angle. For the T block the local origin is the midpoint of the bar's outer edge
 * (as {@code body.position} in gym-pusht), not the centre of gravity.
 */
record Pose(double x, double y, double angle) {

    /** World x of the local point {@code (lx, ly)}. */
    double worldX(double lx, double ly) {
        return x + Math.cos(angle) * lx - Math.sin(angle) * ly;
    }

    /** World y of the local point {@code (lx, ly)}. */
    double worldY(double lx, double ly) {
        return y + Math.sin(angle) * lx + Math.cos(angle) * ly;
    }

    /** This pose moved by {@code (dx, dy)} world pixels. */
    Pose shifted(double dx, double dy) {
        return new Pose(x + dx, y + dy, angle);
    }

    /** {@code angle} wrapped into {@code (-π, π]}. */
    static double wrap(double angle) {
        double a = Math.IEEEremainder(angle, 2 * Math.PI);
        return a <= -Math.PI ? a + 2 * Math.PI : a;
    }
}
