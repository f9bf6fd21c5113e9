package ${package};

import io.corrigo.api.Checks;

/**
 * Settings of the {@code ${pluginId}} environment: the block under its id in a study, e.g.
 * {@code environments: [{id: ${pluginId}, tolerance: 0.02}]}. A field a study leaves out keeps its default.
 *
 * @param maxSteps  steps before an episode is truncated (default 60)
 * @param dt        the time step: the position moves by {@code dt * action} (default 0.1)
 * @param tolerance how close to the goal counts as reached (default 0.05)
 */
public record IntegratorConfig(int maxSteps, double dt, double tolerance) {

    /** The defaults. */
    public static final IntegratorConfig DEFAULTS = new IntegratorConfig(60, 0.1, 0.05);

    public IntegratorConfig {
        new Checks().atLeast("maxSteps", maxSteps, 1).inRange("dt", dt, 1e-4, 1).inRange("tolerance", tolerance, 1e-4, 0.5)
                .verify();
    }
}
