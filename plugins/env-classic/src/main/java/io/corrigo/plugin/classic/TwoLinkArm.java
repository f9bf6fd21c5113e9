package io.corrigo.plugin.classic;

/**
 * Kinematics of the planar two-link arm of the reacher task: links of 0.1 and 0.11 from a base at
 * the origin, joint angles {@code q1} (from the x axis) and {@code q2} (relative to the first link),
 * both counter-clockwise.
 */
final class TwoLinkArm {

    static final double UPPER_LENGTH = 0.1;
    static final double LOWER_LENGTH = 0.11;
    /** The farthest reachable distance from the base. */
    static final double REACH = UPPER_LENGTH + LOWER_LENGTH;

    /** A joint configuration (rad). */
    record Joints(double shoulder, double elbow) {

        /**
         * The larger of the two joints' differences to {@code other}, each wrapped into [-π, π): how
         * long the move takes when both joints turn at the same top speed.
         */
        double distanceTo(Joints other) {
            return Math.max(Math.abs(Angles.wrap(other.shoulder - shoulder)),
                    Math.abs(Angles.wrap(other.elbow - elbow)));
        }
    }

    /** Which of the two inverse-kinematics solutions. */
    enum Elbow {
        /** {@code q2 ≤ 0}: the elbow lies counter-clockwise of the base-to-target line. */
        UP(-1),
        /** {@code q2 ≥ 0}: the elbow lies clockwise of the base-to-target line. */
        DOWN(1);

        private final int sign;

        Elbow(int sign) {
            this.sign = sign;
        }
    }

    private TwoLinkArm() {
    }

    static double elbowX(Joints q) {
        return UPPER_LENGTH * Math.cos(q.shoulder());
    }

    static double elbowY(Joints q) {
        return UPPER_LENGTH * Math.sin(q.shoulder());
    }

    static double tipX(Joints q) {
        return elbowX(q) + LOWER_LENGTH * Math.cos(q.shoulder() + q.elbow());
    }

    static double tipY(Joints q) {
        return elbowY(q) + LOWER_LENGTH * Math.sin(q.shoulder() + q.elbow());
    }

    /**
     * The configuration that puts the fingertip on {@code (x, y)} with the given elbow:
     * {@code c2 = (x² + y² − l1² − l2²) / (2 l1 l2)}, {@code q2 = ±acos(c2)},
     * {@code q1 = atan2(y, x) − atan2(l2 sin q2, l1 + l2 cos q2)}. Points out of reach get the
     * nearest reachable configuration ({@code c2} clipped into [-1, 1]).
     */
    static Joints inverse(double x, double y, Elbow elbow) {
        double c2 = (x * x + y * y - UPPER_LENGTH * UPPER_LENGTH - LOWER_LENGTH * LOWER_LENGTH)
                / (2 * UPPER_LENGTH * LOWER_LENGTH);
        double q2 = elbow.sign * Math.acos(Math.max(-1, Math.min(1, c2)));
        double q1 = Math.atan2(y, x)
                - Math.atan2(LOWER_LENGTH * Math.sin(q2), UPPER_LENGTH + LOWER_LENGTH * Math.cos(q2));
        return new Joints(Angles.wrap(q1), q2);
    }
}
