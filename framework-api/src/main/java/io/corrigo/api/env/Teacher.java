package io.corrigo.api.env;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Policy;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The scripted teacher of an environment: the action a competent human would want in
 * {@code observation}. Some teachers answer relative to the action the robot proposed (the CLIC
 * toy tasks mirror it across the desired set; multimodal teachers follow the robot's mode), so
 * the proposal is passed in; most ignore it.
 *
 * @since 1.0
 */
@ConsumerType
@FunctionalInterface
public interface Teacher {

    /** The teacher's action; never {@code null}. */
    Action act(Observation observation, Action proposed);

    /** A teacher that ignores the proposal. */
    static Teacher of(Policy policy) {
        return (observation, proposed) -> policy.act(observation);
    }
}
