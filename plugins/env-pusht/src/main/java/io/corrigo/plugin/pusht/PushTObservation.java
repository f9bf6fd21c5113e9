package io.corrigo.plugin.pusht;

import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.plugin.pusht.PushTConfig.ObservationMode;

/**
 * Push-T observations (see {@link ObservationMode}): CLIC's 12 features, two stacked frames of them,
 * or gym-pusht's pose state. Each component is clipped into the declared bounds, which only an agent
 * far outside the workspace would reach.
 */
final class PushTObservation {

    static final int FEATURES = 12;
    private static final double SCALE = 512;
    private static final float[] LOW = {
        -0.25f, -0.25f, -1, -1, -1, -1, -0.25f, -0.25f, -1.5f, -1.5f, -1, -1};
    private static final float[] HIGH = {
        1.25f, 1.25f, 1, 1, 1, 1, 1.25f, 1.25f, 1.5f, 1.5f, 1, 1};
    /** Positions of the pose components within the 12 features: agent, block, and sin/cos of the angle. */
    private static final int[] POSE = {0, 1, 6, 7};

    private PushTObservation() {
    }

    /** CLIC's 12 features of a state, clipped into their bounds. */
    static float[] features(double agentX, double agentY, Pose block, Pose goal) {
        double error = goal.angle() - block.angle();
        double[] f = {
            agentX / SCALE, agentY / SCALE,
            (goal.x() - block.x()) / SCALE, (goal.y() - block.y()) / SCALE,
            Math.sin(error), Math.cos(error),
            block.x() / SCALE, block.y() / SCALE,
            (block.x() - agentX) / SCALE, (block.y() - agentY) / SCALE,
            Math.sin(block.angle() - Math.PI), Math.cos(block.angle() - Math.PI)};
        float[] r = new float[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            r[i] = (float) Math.max(LOW[i], Math.min(HIGH[i], f[i]));
        }
        return r;
    }

    /** The observation of {@code mode} from the features of the previous and the current step. */
    static Observation observation(ObservationMode mode, float[] previous, float[] current) {
        return switch (mode) {
            case FEATURES -> Observation.of(current);
            case STACKED -> {
                float[] o = new float[2 * FEATURES];
                System.arraycopy(previous, 0, o, 0, FEATURES);
                System.arraycopy(current, 0, o, FEATURES, FEATURES);
                yield Observation.of(o);
            }
            case POSE -> Observation.of(current[0], current[1], current[6], current[7],
                    -current[10], -current[11]);
        };
    }

    /** The bounds of observations of {@code mode}. */
    static Space space(ObservationMode mode) {
        return switch (mode) {
            case FEATURES -> Space.box(LOW, HIGH);
            case STACKED -> Space.box(twice(LOW), twice(HIGH));
            case POSE -> Space.box(pose(LOW, -1), pose(HIGH, 1));
        };
    }

    private static float[] twice(float[] bounds) {
        float[] r = new float[2 * FEATURES];
        System.arraycopy(bounds, 0, r, 0, FEATURES);
        System.arraycopy(bounds, 0, r, FEATURES, FEATURES);
        return r;
    }

    private static float[] pose(float[] bounds, float unit) {
        float[] r = new float[POSE.length + 2];
        for (int i = 0; i < POSE.length; i++) {
            r[i] = bounds[POSE[i]];
        }
        r[POSE.length] = unit;
        r[POSE.length + 1] = unit;
        return r;
    }
}
