package io.corrigo.api.env;

/**
 * Task-level facts about the state after a step.
 *
 * @param success  whether the task counts as solved at this step; an episode succeeds if any of its
 *                 steps does
 * @param progress a task-specific progress measure in [0, 1] (1 = solved), for curves and gates
 * @since 1.0
 */
public record StepInfo(boolean success, double progress) {

    public StepInfo {
        if (!(progress >= 0 && progress <= 1)) {
            throw new IllegalArgumentException("progress must be in [0, 1]: " + progress);
        }
    }
}
