package io.corrigo.api.feedback;

import io.corrigo.api.Action;
import java.util.Optional;
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

    /**
     * The action this simulator will execute at the coming step whatever the learner proposes — a
     * correction given at the previous step and executed one step late — or empty when the
     * learner's proposal decides. The host asks it before {@link #respond} when a study's feedback
     * condition says {@code teacherQuery: executed}, to ask the scripted teacher about the action
     * that is really executed, as the CLIC repository's loop does. Empty by default.
     *
     * @since 1.2
     */
    default Optional<Action> carried() {
        return Optional.empty();
    }

    /** Releases resources; idempotent. */
    @Override
    default void close() {
    }
}
