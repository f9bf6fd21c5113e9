package io.corrigo.api.env;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A gym-style simulator for one trial, with its scripted teacher. Used from one thread at a time.
 *
 * <p>Protocol: {@link #reset(long)} starts an episode; {@link #step(Action)} advances it until a
 * result is {@code terminated} (the task ended: success or failure) or {@code truncated} (the
 * step limit was hit). Stepping after either without a reset is an {@link IllegalStateException}.
 *
 * @since 1.0
 */
@ConsumerType
public interface Environment extends AutoCloseable {

    /** Bounds of the observations; observations always have this dimension. */
    Space observationSpace();

    /** Bounds of the actions; {@link #step(Action)} clips actions into it. */
    Space actionSpace();

    /** The step limit after which an episode is truncated. */
    int maxSteps();

    /**
     * Starts an episode. The same seed gives the same initial state and, under the same actions,
     * the same trajectory.
     */
    Observation reset(long seed);

    /** Applies {@code action} (clipped into {@link #actionSpace()}) and advances one control step. */
    StepResult step(Action action);

    /**
     * The scripted teacher for this environment. It may read the environment's privileged state,
     * so it is valid only for this instance and reflects the current episode.
     */
    Teacher expert();

    /**
     * Groups of action dimensions that a partial correction treats as a unit (for example the two
     * balls of a two-ball task). By default one group holding every dimension.
     */
    default List<ActionGroup> actionGroups() {
        return List.of(ActionGroup.all(actionSpace().dimension()));
    }

    /**
     * Saves the current state, if this environment supports it (cheap environments should).
     *
     * @since 1.1
     */
    default Optional<Snapshot> snapshot() {
        return Optional.empty();
    }

    /**
     * Restores a state saved by {@link #snapshot()} of this instance, including the step count.
     *
     * @throws IllegalStateException if snapshots are not supported
     * @since 1.1
     */
    default void restore(Snapshot snapshot) {
        throw new IllegalStateException(getClass().getSimpleName() + " does not support snapshots");
    }

    /**
     * A cheap estimate of how good the current state is, higher is better (e.g. minus the distance
     * to the goal, minus an LQR cost-to-go), for value-based intervention gates. Empty if none.
     *
     * @since 1.1
     */
    default OptionalDouble value() {
        return OptionalDouble.empty();
    }

    /**
     * A vector drawing of the current state for rollout replay; {@link Scene#EMPTY} if none.
     *
     * @since 1.1
     */
    default Scene scene() {
        return Scene.EMPTY;
    }

    /** Releases resources; idempotent. */
    @Override
    default void close() {
    }
}
