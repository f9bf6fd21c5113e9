package io.corrigo.core.internal.run;

import io.corrigo.api.Observation;
import io.corrigo.api.env.Environment;
import io.corrigo.api.learner.Landscape;
import io.corrigo.api.learner.LandscapeSource;
import java.util.Optional;

/**
 * The action landscapes a trial records in its evaluation rollouts. A diagnostic: a learner that
 * fails to draw one loses the pictures (noted once), not its trial.
 */
final class LandscapeDrawing {

    /** Cells per axis of the action landscapes recorded in evaluation rollouts. */
    static final int RESOLUTION = 41;

    private final HostRunContext context;
    private boolean failed;

    LandscapeDrawing(HostRunContext context) {
        this.context = context;
    }

    /** Landscapes at the first three steps and at a quarter, half and three quarters of the episode. */
    static boolean due(int t, int maxSteps) {
        return t <= 3 || t == (maxSteps + 3) / 4 || t == (maxSteps + 1) / 2 || t == (3 * maxSteps + 3) / 4;
    }

    /** The landscape of {@code source} at {@code obs}; empty off 2-D action spaces or after a failure. */
    Optional<Landscape> draw(LandscapeSource source, Observation obs, Environment env) {
        if (failed || env.actionSpace().dimension() != 2) {
            return Optional.empty();
        }
        try {
            return source.landscape(obs, RESOLUTION);
        } catch (RuntimeException e) {
            failed = true;
            context.note("host.landscape", "not recorded: the learner failed to draw it (" + e + ")");
            return Optional.empty();
        }
    }

    /** Whether a learner failed to draw (kept across a checkpoint). */
    boolean failed() {
        return failed;
    }

    void setFailed(boolean failed) {
        this.failed = failed;
    }
}
