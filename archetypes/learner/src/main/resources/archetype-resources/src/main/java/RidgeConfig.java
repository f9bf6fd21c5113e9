package ${package};

import io.corrigo.api.Checks;

/**
 * Settings of the {@code ${pluginId}} learner: the block under its id in a study, e.g.
 * {@code learners: [{id: ${pluginId}, regularisation: 0.01}]}. A field a study leaves out keeps its default.
 *
 * @param regularisation the ridge penalty added to the diagonal; larger is smoother (default 0.001)
 * @param forgetting     the weight older labels keep each time a new one arrives, in (0, 1]; 1 keeps all (default 1)
 */
public record RidgeConfig(double regularisation, double forgetting) {

    /** The defaults. */
    public static final RidgeConfig DEFAULTS = new RidgeConfig(1e-3, 1.0);

    public RidgeConfig {
        new Checks().positive("regularisation", regularisation).inRange("forgetting", forgetting, 1e-6, 1).verify();
    }
}
