package io.corrigo.api.learner;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.Response;

/**
 * One training step as a learner sees it.
 *
 * @param observation the pre-step observation
 * @param proposed    the learner's proposal at {@code observation} (what feedback refers to)
 * @param feedback    what the human said about {@code proposed}
 * @param executed    the action actually executed (may be an earlier correction, or a takeover)
 * @param executedBy  who chose {@code executed}
 * @param next        the observation after the step
 * @param reward      the environment's reward
 * @param terminated  the episode ended by itself
 * @param truncated   the episode hit its step limit
 * @param info        success and progress after the step
 * @param step        the step index within the episode, starting at 1
 * @since 1.0
 */
public record Transition(Observation observation, Action proposed, Feedback feedback, Action executed,
                         Response.Executor executedBy, Observation next, double reward, boolean terminated,
                         boolean truncated, StepInfo info, int step) {

    public Transition {
        if (observation == null || proposed == null || feedback == null || executed == null
                || executedBy == null || next == null || info == null) {
            throw new IllegalArgumentException("all components except reward and flags are required");
        }
    }

    /** Whether the episode ended at this step, for either reason. */
    public boolean done() {
        return terminated || truncated;
    }
}
