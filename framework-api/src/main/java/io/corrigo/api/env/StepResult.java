package io.corrigo.api.env;

import io.corrigo.api.Observation;

/**
 * The outcome of one control step.
 *
 * @param observation the observation after the step
 * @param reward      the environment's reward (Corrigo's learners mostly ignore it)
 * @param terminated  the task ended by itself (reached the goal, or failed irrecoverably)
 * @param truncated   the step limit was reached; never both {@code terminated} and {@code truncated}
 * @param info        success and progress
 * @since 1.0
 */
public record StepResult(Observation observation, double reward, boolean terminated, boolean truncated,
                         StepInfo info) {

    public StepResult {
        if (observation == null || info == null) {
            throw new IllegalArgumentException("observation and info are required");
        }
        if (terminated && truncated) {
            throw new IllegalArgumentException("a step is either terminated or truncated, not both");
        }
        if (!Double.isFinite(reward)) {
            throw new IllegalArgumentException("reward must be finite: " + reward);
        }
    }

    /** Whether the episode is over, for either reason. */
    public boolean done() {
        return terminated || truncated;
    }
}
