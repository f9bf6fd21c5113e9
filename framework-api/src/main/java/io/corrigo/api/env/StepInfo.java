package io.corrigo.api.env;

import java.util.regex.Pattern;

/**
 * Task-level facts about the state after a step.
 *
 * @param success  whether the task counts as solved at this step; an episode succeeds if any of its
 *                 steps does
 * @param progress a task-specific progress measure in [0, 1] (1 = solved), for curves and gates
 * @param mode     which mode of a multimodal task the episode is in so far (e.g. {@code left} or
 *                 {@code right} of an obstacle), empty when the task has none or it is not decided
 *                 yet; the host counts the modes of the last step of every evaluation episode.
 *                 Lower-case letters, digits and {@code -}, at most 32 characters (since 1.2)
 * @since 1.0
 */
public record StepInfo(boolean success, double progress, String mode) {

    private static final Pattern MODE = Pattern.compile("[a-z0-9-]{0,32}");

    public StepInfo {
        if (!(progress >= 0 && progress <= 1)) {
            throw new IllegalArgumentException("progress must be in [0, 1]: " + progress);
        }
        if (mode == null || !MODE.matcher(mode).matches()) {
            throw new IllegalArgumentException("mode must match [a-z0-9-]{0,32}: " + mode);
        }
    }

    /** Facts without a mode. */
    public StepInfo(boolean success, double progress) {
        this(success, progress, "");
    }
}
