package io.corrigo.plugin.classic;

import io.corrigo.api.Checks;

/**
 * Configuration of the pendulum swing-up task. The dynamics are Gym's {@code Pendulum-v1}
 * ({@code θ̈ = 15 sin θ + 3u}, {@code θ = 0} upright, time step 0.05 s, speed clipped to ±8 rad/s)
 * and are not configurable.
 *
 * @param maxSteps     control steps before the episode is truncated; default 200
 * @param maxTorque    the torque (N·m) of a full action: actions in {@code [-1, 1]} are scaled by it;
 *                     default 2
 * @param startAngle   half-width of the uniform start angle around upright (rad), in [0, π];
 *                     default π (any angle)
 * @param startSpeed   half-width of the uniform start angular velocity (rad/s), in [0, 8]; default 1
 * @param uprightAngle largest {@code |θ|} (rad) that counts as upright, in (0, π]; default 0.1
 * @param holdSteps    consecutive upright steps that count as success, in [1, maxSteps]; default 50
 */
public record PendulumConfig(int maxSteps, double maxTorque, double startAngle, double startSpeed,
                             double uprightAngle, int holdSteps) {

    /** The values of Gym's {@code Pendulum-v1} and baselines.md §6. */
    public static final PendulumConfig DEFAULTS = new PendulumConfig(200, 2, Math.PI, 1, 0.1, 50);

    public PendulumConfig {
        new Checks()
                .atLeast("maxSteps", maxSteps, 1)
                .positive("maxTorque", maxTorque)
                .inRange("startAngle", startAngle, 0, Math.PI)
                .inRange("startSpeed", startSpeed, 0, PendulumEnvironment.MAX_SPEED)
                .positive("uprightAngle", uprightAngle)
                .require("uprightAngle", !(uprightAngle > Math.PI), "must be <= π but was " + uprightAngle)
                .atLeast("holdSteps", holdSteps, 1)
                .require("holdSteps", holdSteps <= maxSteps || maxSteps < 1,
                        "must be <= maxSteps (" + maxSteps + ") but was " + holdSteps)
                .verify();
    }
}
