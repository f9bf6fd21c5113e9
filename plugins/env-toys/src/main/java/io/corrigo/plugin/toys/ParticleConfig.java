package io.corrigo.plugin.toys;

import io.corrigo.api.Checks;

/**
 * Configuration of the IBC particle task. Defaults are those of {@code ParticleEnv} and
 * {@code ParticleOracle} in google-research/ibc.
 *
 * @param dimensions          N, the dimension of the particle's space {@code [0, 1]^N}; default 2
 * @param maxSteps            control steps per episode (there is no early end); default 50
 * @param timeStep            Euler integration step (seconds); default 0.005
 * @param substeps            integration steps per control step (the set-point is held); default 10,
 *                            i.e. 20 Hz control
 * @param positionGain        P gain kp of the set-point controller (1/s²); default 10
 * @param velocityGain        D gain kv of the set-point controller (1/s); default 5
 * @param goalTolerance       distance that counts as visiting a goal and as ending at it; default 0.05
 * @param expertGoalThreshold distance to its first goal at which the expert counts itself there;
 *                            default 0.01
 * @param expertWaitSteps     observations the expert must see within {@code expertGoalThreshold} of
 *                            its first goal before it switches to the second (IBC's
 *                            {@code wait_at_first_goal}); 1 switches on the first such observation;
 *                            default 1
 * @param goalOrder           {@code FIXED}: goal 1 then goal 2; {@code RANDOM}: the multimodal variant,
 *                            where each episode the expert picks the order and either order succeeds;
 *                            default {@code FIXED}
 */
public record ParticleConfig(int dimensions, int maxSteps, double timeStep, int substeps, double positionGain,
                             double velocityGain, double goalTolerance, double expertGoalThreshold,
                             int expertWaitSteps, GoalOrder goalOrder) {

    /** Which order of the goals the task asks for. */
    public enum GoalOrder {
        /** Goal 1, then goal 2 (unimodal). */
        FIXED,
        /** Either order; the expert draws one per episode (multimodal). */
        RANDOM
    }

    /** The values of the IBC code (baselines.md §6). */
    public static final ParticleConfig DEFAULTS =
            new ParticleConfig(2, 50, 0.005, 10, 10, 5, 0.05, 0.01, 1, GoalOrder.FIXED);

    public ParticleConfig {
        new Checks()
                .atLeast("dimensions", dimensions, 1)
                .atLeast("maxSteps", maxSteps, 1)
                .positive("timeStep", timeStep)
                .atLeast("substeps", substeps, 1)
                .positive("positionGain", positionGain)
                .positive("velocityGain", velocityGain)
                .require("timeStep", !(timeStep > 0 && positionGain > 0 && velocityGain > 0)
                                || stable(timeStep, positionGain, velocityGain),
                        "makes the Euler-integrated PD controller unstable: need positionGain·timeStep"
                                + " < velocityGain and velocityGain·timeStep well below 2, but timeStep was "
                                + timeStep)
                .positive("goalTolerance", goalTolerance)
                .positive("expertGoalThreshold", expertGoalThreshold)
                .atLeast("expertWaitSteps", expertWaitSteps, 1)
                .present("goalOrder", goalOrder)
                .verify();
    }

    /** This configuration with another goal order. */
    public ParticleConfig withGoalOrder(GoalOrder order) {
        return new ParticleConfig(dimensions, maxSteps, timeStep, substeps, positionGain, velocityGain,
                goalTolerance, expertGoalThreshold, expertWaitSteps, order);
    }

    /**
     * Jury's test for z² − (2 − kv·dt)z + (1 − kv·dt + kp·dt²), the characteristic polynomial of one
     * explicit-Euler step of x'' = kp(u − x) − kv·x'.
     */
    private static boolean stable(double dt, double kp, double kv) {
        double det = 1 - kv * dt + kp * dt * dt;
        double trace = 2 - kv * dt;
        return Math.abs(det) < 1 && Math.abs(trace) < 1 + det;
    }
}
