package io.corrigo.plugin.pusht;

import io.corrigo.api.Checks;

/**
 * Configuration of Push-T. Defaults follow gym-pusht / Diffusion Policy (absolute targets, success at
 * coverage above 0.95, 300 steps); {@link #CLIC} holds the settings of CLIC's Push-T.
 *
 * @param actionMode       {@code ABSOLUTE}: the action is the PD target, {@code [-1, 1]²} mapped onto
 *                         the 512 × 512 px workspace; {@code RELATIVE} (CLIC): the target is the agent's
 *                         position plus {@code relativeScale}·a px; default {@code ABSOLUTE}
 * @param observation      which features the observation holds (see {@link ObservationMode}); default
 *                         {@code STACKED}
 * @param maxSteps         control steps (10 Hz) before the episode is truncated; default 300
 * @param successThreshold coverage of the goal T above which the episode ends as a success; default
 *                         0.95 (CLIC: 0.80)
 * @param relativeScale    pixels per unit of a relative action; default 10 (CLIC)
 */
public record PushTConfig(ActionMode actionMode, ObservationMode observation, int maxSteps,
                          double successThreshold, double relativeScale) {

    /** What an action means. */
    public enum ActionMode {
        /** The PD target in normalised workspace coordinates: {@code 256 + 256·a} px. */
        ABSOLUTE,
        /** A displacement of the PD target from the agent: {@code agent + relativeScale·a} px. */
        RELATIVE
    }

    /**
     * What an observation holds. Positions are pixels divided by 512 as in CLIC; the block position is
     * that of its local origin (the bar's outer edge midpoint); angle errors are goal minus block.
     */
    public enum ObservationMode {
        /**
         * CLIC's 12 features: agent/512 (2), (goal − block)/512 (2), sin/cos of the angle error (2),
         * block/512 (2), (block − agent)/512 (2), sin/cos(block angle − π) (2).
         */
        FEATURES,
        /**
         * CLIC's observation: the 12 features of the previous and of the current step (24), oldest
         * first; at reset both frames are the initial state. The two frames carry the agent's velocity.
         */
        STACKED,
        /** gym-pusht's state with the angle as sine and cosine: agent/512 (2), block/512 (2), sin, cos. */
        POSE
    }

    /** gym-pusht's task with CLIC's 24-D observation. */
    public static final PushTConfig DEFAULTS =
            new PushTConfig(ActionMode.ABSOLUTE, ObservationMode.STACKED, 300, 0.95, 10);

    /** CLIC's Push-T: relative actions, 500 steps, success at coverage above 0.80. */
    public static final PushTConfig CLIC =
            new PushTConfig(ActionMode.RELATIVE, ObservationMode.STACKED, 500, 0.80, 10);

    public PushTConfig {
        new Checks()
                .present("actionMode", actionMode)
                .present("observation", observation)
                .atLeast("maxSteps", maxSteps, 1)
                .require("successThreshold", successThreshold > 0 && successThreshold < 1,
                        "must be in (0, 1) but was " + successThreshold)
                .inRange("relativeScale", relativeScale, 1, 100)
                .verify();
    }

    /** This configuration with another action mode. */
    public PushTConfig withActionMode(ActionMode mode) {
        return new PushTConfig(mode, observation, maxSteps, successThreshold, relativeScale);
    }

    /** This configuration with another observation. */
    public PushTConfig withObservation(ObservationMode mode) {
        return new PushTConfig(actionMode, mode, maxSteps, successThreshold, relativeScale);
    }

    /** This configuration with another step limit and success threshold. */
    public PushTConfig withTask(int steps, double threshold) {
        return new PushTConfig(actionMode, observation, steps, threshold, relativeScale);
    }
}
