package io.corrigo.api.env;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An environment whose states can be listed and whose desired actions are known at each, such as
 * CLIC's desired-action toys. On such an environment the host can evaluate a learner's action
 * distribution state by state ({@code budget.drawsPerState}: that many independent draws of the
 * policy at every listed state), beside the rollouts. Implemented by the environment instance.
 *
 * @since 1.3
 */
@ConsumerType
public interface DesiredActionStates {

    /** The observations of the task's states, in a fixed order; the same list on every call. */
    List<Observation> states();

    /** Whether {@code action} is a desired action at state {@code index} of {@link #states()}. */
    boolean desired(int index, Action action);
}
