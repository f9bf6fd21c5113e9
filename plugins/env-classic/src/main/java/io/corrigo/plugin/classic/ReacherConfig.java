package io.corrigo.plugin.classic;

import io.corrigo.api.Checks;

/**
 * Configuration of the kinematic two-link reacher. The links (0.1 and 0.11), the control step
 * (0.05 s) and the expert's gain (10 /s) are fixed; the arm reaches distances 0.01 to 0.21 from its
 * base.
 *
 * @param maxSteps         control steps before the episode is truncated; default 50
 * @param maxJointSpeed    the joint speed (rad/s) of a full action: actions in {@code [-1, 1]} are
 *                         scaled by it; default 3
 * @param successTolerance fingertip-to-target distance that counts as reaching it and ends the
 *                         episode; in (0, 0.05]; default 0.01
 * @param minTargetRadius  smallest distance of the target from the base, at least 0.01; default 0.03
 * @param maxTargetRadius  largest distance of the target from the base, at most 0.21; the distance
 *                         is drawn uniformly between the two, the direction uniformly; default 0.2
 * @param expertMode       which inverse-kinematics solution the expert drives to: {@code nearest}
 *                         (the one closest to the arm's current joint angles, so the expert follows
 *                         the robot's mode), {@code elbow-up}, {@code elbow-down} or {@code random}
 *                         (one of the two per episode); default {@code nearest}
 */
public record ReacherConfig(int maxSteps, double maxJointSpeed, double successTolerance, double minTargetRadius,
                            double maxTargetRadius, ExpertMode expertMode) {

    /** Which of the two inverse-kinematics solutions the expert uses. */
    public enum ExpertMode {
        /**
         * The solution closest to the current joint angles (largest wrapped joint difference; ties
         * go to elbow up).
         */
        NEAREST,
        /** Always {@code q2 ≤ 0}: the elbow counter-clockwise of the base-to-target line. */
        ELBOW_UP,
        /** Always {@code q2 ≥ 0}: the elbow clockwise of the base-to-target line. */
        ELBOW_DOWN,
        /**
         * Elbow up or down drawn per episode from the reset seed and kept for the episode, whatever
         * the arm does: one state gets demonstrations of both modes.
         */
        RANDOM
    }

    /** The values of baselines.md §6. */
    public static final ReacherConfig DEFAULTS = new ReacherConfig(50, 3, 0.01, 0.03, 0.2, ExpertMode.NEAREST);

    /** {@code l2 − l1} and {@code l1 + l2}, the arm's reach, rounded. */
    private static final double MIN_REACH = 0.01;
    private static final double MAX_REACH = 0.21;

    public ReacherConfig {
        new Checks()
                .atLeast("maxSteps", maxSteps, 1)
                .positive("maxJointSpeed", maxJointSpeed)
                .positive("successTolerance", successTolerance)
                .require("successTolerance", !(successTolerance > 0.05),
                        "must be <= 0.05 but was " + successTolerance)
                .inRange("minTargetRadius", minTargetRadius, MIN_REACH, MAX_REACH)
                .inRange("maxTargetRadius", maxTargetRadius, MIN_REACH, MAX_REACH)
                .require("maxTargetRadius", !(maxTargetRadius < minTargetRadius),
                        "must be >= minTargetRadius (" + minTargetRadius + ") but was " + maxTargetRadius)
                .present("expertMode", expertMode)
                .verify();
    }

    /** This configuration with another expert mode. */
    public ReacherConfig withExpertMode(ExpertMode mode) {
        return new ReacherConfig(maxSteps, maxJointSpeed, successTolerance, minTargetRadius, maxTargetRadius, mode);
    }
}
