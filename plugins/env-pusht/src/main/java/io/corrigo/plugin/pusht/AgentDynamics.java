package io.corrigo.plugin.pusht;

/**
 * The agent's PD response over one control step, per axis: {@code p' = a·p + b·v + c·u} and
 * {@code v' = d·p + e·v + f·u} for a target {@code u} held over the substeps (the same semi-implicit
 * Euler recurrence as {@link PushTWorld#advance}). Because the law is linear, a teacher can aim
 * ahead exactly: {@link #stopTarget} is the target that, followed by a second suitable target, stops
 * the agent at a chosen point after two control steps. Re-planned every step, this tracks a moving
 * aim point smoothly and arrives at rest, compensating the PD lag.
 */
final class AgentDynamics {

    private static final double[] STEP = response();
    private static final double A = STEP[0];
    private static final double B = STEP[1];
    private static final double C = STEP[2];
    private static final double D = STEP[3];
    private static final double E = STEP[4];
    private static final double F = STEP[5];
    private static final double ALPHA = A - C * D / F;
    private static final double BETA = B - C * E / F;

    private AgentDynamics() {
    }

    /** The target now for position {@code p} and velocity {@code v} to stop at {@code q} in two steps. */
    static double stopTarget(double p, double v, double q) {
        return (q - ALPHA * (A * p + B * v) - BETA * (D * p + E * v)) / (ALPHA * C + BETA * F);
    }

    /** Position after one control step from {@code (p, v)} with target {@code u}. */
    static double nextPosition(double p, double v, double u) {
        return A * p + B * v + C * u;
    }

    /** Velocity after one control step from {@code (p, v)} with target {@code u}. */
    static double nextVelocity(double p, double v, double u) {
        return D * p + E * v + F * u;
    }

    /** Coefficients {a, b, c, d, e, f} by running the substep recurrence on unit inputs. */
    private static double[] response() {
        double[] fromP = run(1, 0, 0);
        double[] fromV = run(0, 1, 0);
        double[] fromU = run(0, 0, 1);
        return new double[] {fromP[0], fromV[0], fromU[0], fromP[1], fromV[1], fromU[1]};
    }

    private static double[] run(double p, double v, double u) {
        double dt = PushTWorld.TIME_STEP;
        for (int k = 0; k < PushTWorld.SUBSTEPS; k++) {
            v = v + dt * (PushTWorld.POSITION_GAIN * (u - p) - PushTWorld.VELOCITY_GAIN * v);
            p = p + dt * v;
        }
        return new double[] {p, v};
    }
}
