package ${package};

import io.corrigo.api.Checks;

/**
 * Settings of the {@code ${pluginId}} feedback simulator: the block under its id in a study, e.g.
 * {@code feedback: [{id: ${pluginId}, delay: 5}]}. A field a study leaves out keeps its default.
 *
 * @param delay     how many steps a correction arrives after the mistake it answers (default 3; 0 is an
 *                  ordinary absolute correction)
 * @param threshold how far (Euclidean) the proposal must be from the teacher's action for the human to
 *                  object (default 0.2)
 */
public record DelayedCorrectionConfig(int delay, double threshold) {

    /** The defaults. */
    public static final DelayedCorrectionConfig DEFAULTS = new DelayedCorrectionConfig(3, 0.2);

    public DelayedCorrectionConfig {
        new Checks().inRange("delay", delay, 0, 100).nonNegative("threshold", threshold).verify();
    }
}
