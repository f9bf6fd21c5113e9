package io.corrigo.api.feedback;

import io.corrigo.api.Action;

/**
 * The simulated human's answer at one step.
 *
 * @param feedback   what was said about the proposal ({@link Feedback.None} for nothing)
 * @param executed   the action the environment executes at this step
 * @param executedBy who chose {@code executed}: counts teacher-executed steps as human effort
 * @since 1.0
 */
public record Response(Feedback feedback, Action executed, Executor executedBy) {

    /** Who chose the executed action. */
    public enum Executor {
        /** The learner's own proposal was executed. */
        LEARNER,
        /** An action from the human (a correction or a takeover) was executed. */
        TEACHER
    }

    public Response {
        if (feedback == null || executed == null || executedBy == null) {
            throw new IllegalArgumentException("feedback, executed and executedBy are required");
        }
    }

    /** No feedback; the learner's proposal is executed. */
    public static Response silent(Action proposed) {
        return new Response(Feedback.None.instance(), proposed, Executor.LEARNER);
    }
}
