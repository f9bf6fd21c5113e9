package io.corrigo.api.feedback;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A simulated human for one trial. The host calls {@link #startEpisode()} before each training
 * episode and {@link #respond(Query)} once per step, from one thread. Evaluation episodes never
 * consult it.
 *
 * @since 1.0
 */
@ConsumerType
public interface FeedbackSimulator extends AutoCloseable {

    /** A new training episode starts; pending corrections and takeovers are dropped. */
    void startEpisode();

    /**
     * Decides what the human says about the learner's proposal at this step and which action is
     * executed. Budgets and schedules carry over across episodes unless the simulator says otherwise.
     */
    Response respond(Query query);

    /** Releases resources; idempotent. */
    @Override
    default void close() {
    }
}
