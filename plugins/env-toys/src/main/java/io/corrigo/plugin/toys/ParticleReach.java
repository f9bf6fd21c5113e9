package io.corrigo.plugin.toys;

/**
 * The exact per-dimension range of the particle's observed position and velocity within an episode
 * that starts at rest in [0, 1] and receives set-points in [0, 1]. One control step is linear,
 * s' = M·s + b·a, so after t steps each component is c₀·x₀ + Σ c_k·a_k and its extremes put every
 * input at a bound.
 *
 * @param positionLow  smallest reachable position (at most 0)
 * @param positionHigh largest reachable position (at least 1)
 * @param speed        largest reachable absolute velocity (the range is symmetric)
 */
record ParticleReach(double positionLow, double positionHigh, double speed) {

    /** Slack for rounding differences between these sums and the simulation's order of operations. */
    private static final double MARGIN = 1e-6;

    static ParticleReach of(ParticleConfig config) {
        double dt = config.timeStep();
        double[] substep = {1, dt, -config.positionGain() * dt, 1 - config.velocityGain() * dt};
        double[] m = {1, 0, 0, 1};
        double[] b = {0, 0};
        for (int j = 0; j < config.substeps(); j++) {
            b = times(substep, b);
            b[1] += config.positionGain() * dt;
            m = times(substep, m);
        }
        double[] free = {1, 0};
        double[] input = b;
        double posUp = 0;
        double posDown = 0;
        double velUp = 0;
        double low = 0;
        double high = 1;
        double speed = 0;
        for (int t = 1; t <= config.maxSteps(); t++) {
            free = times(m, free);
            posUp += Math.max(input[0], 0);
            posDown += Math.min(input[0], 0);
            velUp += Math.max(input[1], 0);
            input = times(m, input);
            low = Math.min(low, Math.min(free[0], 0) + posDown);
            high = Math.max(high, Math.max(free[0], 0) + posUp);
            speed = Math.max(speed, Math.max(free[1], 0) + velUp);
        }
        return new ParticleReach(low - MARGIN, high + MARGIN, speed + MARGIN);
    }

    /** {@code m·v} for a row-major 2×2 matrix and a vector, or {@code m·v} for two matrices. */
    private static double[] times(double[] m, double[] v) {
        if (v.length == 2) {
            return new double[] {m[0] * v[0] + m[1] * v[1], m[2] * v[0] + m[3] * v[1]};
        }
        return new double[] {
            m[0] * v[0] + m[1] * v[2], m[0] * v[1] + m[1] * v[3],
            m[2] * v[0] + m[3] * v[2], m[2] * v[1] + m[3] * v[3]};
    }
}
