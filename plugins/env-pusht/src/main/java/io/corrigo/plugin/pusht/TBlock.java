package io.corrigo.plugin.pusht;

/**
 * The T block of Push-T in its local frame (pixels, baselines.md §5.1): a bar {@code [-60, 60] × [0, 30]}
 * and a stem {@code [-15, 15] × [30, 120]}, 6 300 px² in all, with gym-pusht's mass properties (mass 1,
 * moment 3 000 px² about the centre of gravity at {@code (0, 45)}). Coverage and distances are
 * computed here exactly, from the two rectangles: the intersection of two Ts is the sum of the four
 * rectangle-pair intersections, each found by Sutherland–Hodgman clipping (Sutherland and Hodgman,
 * "Reentrant polygon clipping", CACM 1974). Polygons are flat arrays {@code x0, y0, x1, y1, …},
 * counter-clockwise.
 */
final class TBlock {

    /** The two parts as {@code {minX, minY, maxX, maxY}}. */
    static final double[][] PARTS = {{-60, 0, 60, 30}, {-15, 30, 15, 120}};
    /** The outline, counter-clockwise. */
    static final double[] OUTLINE = {-60, 0, 60, 0, 60, 30, 15, 30, 15, 120, -15, 120, -15, 30, -60, 30};
    static final double AREA = 120 * 30 + 30 * 90;
    static final double COG_Y = 45;
    static final double MASS = 1;
    static final double INERTIA = 3000;
    /** gym-pusht's goal pose. */
    static final Pose GOAL = new Pose(256, 256, Math.PI / 4);

    private TBlock() {
    }

    /** The corners of part {@code part} at {@code pose}, counter-clockwise. */
    static double[] corners(Pose pose, int part) {
        double[] r = PARTS[part];
        double[] local = {r[0], r[1], r[2], r[1], r[2], r[3], r[0], r[3]};
        return transform(pose, local);
    }

    /** The outline at {@code pose}. */
    static double[] outline(Pose pose) {
        return transform(pose, OUTLINE);
    }

    /** The fraction of the goal T covered by the block T: intersection area over 6 300 px². */
    static double coverage(Pose block, Pose goal) {
        double covered = 0;
        for (int i = 0; i < PARTS.length; i++) {
            double[] b = corners(block, i);
            for (int j = 0; j < PARTS.length; j++) {
                covered += intersectionArea(b, corners(goal, j));
            }
        }
        return covered / AREA;
    }

    /** Distance from the local point to the T; 0 inside. */
    static double distance(double x, double y) {
        return Math.min(distanceToPart(0, x, y), distanceToPart(1, x, y));
    }

    /** Distance from the local segment (a, b) to the T; 0 if they meet. */
    static double segmentDistance(double ax, double ay, double bx, double by) {
        return Math.min(segmentDistanceToPart(0, ax, ay, bx, by), segmentDistanceToPart(1, ax, ay, bx, by));
    }

    private static double distanceToPart(int part, double x, double y) {
        double[] r = PARTS[part];
        double dx = Math.max(Math.max(r[0] - x, x - r[2]), 0);
        double dy = Math.max(Math.max(r[1] - y, y - r[3]), 0);
        return Math.hypot(dx, dy);
    }

    private static double segmentDistanceToPart(int part, double ax, double ay, double bx, double by) {
        double[] r = PARTS[part];
        if (segmentMeetsBox(r, ax, ay, bx, by)) {
            return 0;
        }
        double d = Math.min(distanceToPart(part, ax, ay), distanceToPart(part, bx, by));
        d = Math.min(d, pointToSegment(r[0], r[1], ax, ay, bx, by));
        d = Math.min(d, pointToSegment(r[2], r[1], ax, ay, bx, by));
        d = Math.min(d, pointToSegment(r[2], r[3], ax, ay, bx, by));
        return Math.min(d, pointToSegment(r[0], r[3], ax, ay, bx, by));
    }

    /** Slab test: whether the segment meets the closed box. */
    private static boolean segmentMeetsBox(double[] r, double ax, double ay, double bx, double by) {
        double t0 = 0;
        double t1 = 1;
        double[] start = {ax, ay};
        double[] delta = {bx - ax, by - ay};
        for (int axis = 0; axis < 2; axis++) {
            double lo = r[axis];
            double hi = r[axis + 2];
            if (delta[axis] == 0) {
                if (start[axis] < lo || start[axis] > hi) {
                    return false;
                }
                continue;
            }
            double u = (lo - start[axis]) / delta[axis];
            double v = (hi - start[axis]) / delta[axis];
            t0 = Math.max(t0, Math.min(u, v));
            t1 = Math.min(t1, Math.max(u, v));
            if (t0 > t1) {
                return false;
            }
        }
        return true;
    }

    static double pointToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
        return Math.hypot(ax + t * dx - px, ay + t * dy - py);
    }

    /** The area of {@code subject ∩ clipper}; both convex and counter-clockwise. */
    static double intersectionArea(double[] subject, double[] clipper) {
        double[] polygon = subject;
        int n = subject.length / 2;
        int m = clipper.length / 2;
        for (int e = 0; e < m && n > 0; e++) {
            double ax = clipper[2 * e];
            double ay = clipper[2 * e + 1];
            double bx = clipper[2 * ((e + 1) % m)];
            double by = clipper[2 * ((e + 1) % m) + 1];
            double[] out = new double[4 * n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                double px = polygon[2 * i];
                double py = polygon[2 * i + 1];
                double qx = polygon[2 * ((i + 1) % n)];
                double qy = polygon[2 * ((i + 1) % n) + 1];
                double sp = side(ax, ay, bx, by, px, py);
                double sq = side(ax, ay, bx, by, qx, qy);
                if (sp >= 0) {
                    out[k++] = px;
                    out[k++] = py;
                }
                if ((sp >= 0) != (sq >= 0)) {
                    double t = sp / (sp - sq);
                    out[k++] = px + t * (qx - px);
                    out[k++] = py + t * (qy - py);
                }
            }
            polygon = out;
            n = k / 2;
        }
        return n < 3 ? 0 : area(polygon, n);
    }

    /** The signed area (positive when counter-clockwise) of the first {@code n} vertices. */
    static double area(double[] polygon, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            sum += polygon[2 * i] * polygon[2 * j + 1] - polygon[2 * j] * polygon[2 * i + 1];
        }
        return sum / 2;
    }

    /** Twice the signed area of (a, b, p): positive when p lies left of a→b. */
    private static double side(double ax, double ay, double bx, double by, double px, double py) {
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    }

    private static double[] transform(Pose pose, double[] local) {
        double c = Math.cos(pose.angle());
        double s = Math.sin(pose.angle());
        double[] world = new double[local.length];
        for (int i = 0; i < local.length; i += 2) {
            world[i] = pose.x() + c * local[i] - s * local[i + 1];
            world[i + 1] = pose.y() + s * local[i] + c * local[i + 1];
        }
        return world;
    }
}
