package io.corrigo.plugin.classic;

import io.corrigo.api.Checks;

/**
 * Configuration of the continuous-force cart-pole task. The physics (Gym's {@code CartPole}), the
 * failure limits ({@code |x| > 2.4} m, {@code |θ| > 12°}) and the expert's LQR weights are fixed.
 *
 * @param maxSteps      control steps to survive; surviving them is success; default 500
 * @param maxForce      the force (N) of a full action: actions in {@code [-1, 1]} are scaled by it;
 *                      default 10
 * @param startPosition half-width of the uniform start position of the cart (m), in [0, 2.4);
 *                      default 1
 * @param startAngle    half-width of the uniform start angle of the pole (rad), below the failure
 *                      angle 12° ≈ 0.2094; default 0.2
 * @param startVelocity half-width of the uniform start velocities of the cart (m/s) and the pole
 *                      (rad/s), Gym's 0.05; in [0, 1]; default 0.05
 */
public record CartPoleConfig(int maxSteps, double maxForce, double startPosition, double startAngle,
                             double startVelocity) {

    /** The values of baselines.md §6 (start velocities as in Gym). */
    public static final CartPoleConfig DEFAULTS = new CartPoleConfig(500, 10, 1, 0.2, 0.05);

    public CartPoleConfig {
        new Checks()
                .atLeast("maxSteps", maxSteps, 1)
                .positive("maxForce", maxForce)
                .nonNegative("startPosition", startPosition)
                .require("startPosition", !(startPosition >= CartPoleEnvironment.POSITION_LIMIT),
                        "must be < " + CartPoleEnvironment.POSITION_LIMIT + " (the track's end) but was "
                                + startPosition)
                .nonNegative("startAngle", startAngle)
                .require("startAngle", !(startAngle >= CartPoleEnvironment.ANGLE_LIMIT),
                        "must be < " + CartPoleEnvironment.ANGLE_LIMIT + " (the failure angle) but was "
                                + startAngle)
                .inRange("startVelocity", startVelocity, 0, 1)
                .verify();
    }
}
