package io.corrigo.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Maps an observation to an action. A learner's current policy, a scripted controller and a test
 * double are all policies.
 *
 * <p>Called from a single trial thread; implementations need not be thread-safe.
 *
 * @since 1.0
 */
@ConsumerType
@FunctionalInterface
public interface Policy {

    /** The action to take in {@code observation}; never {@code null}. */
    Action act(Observation observation);
}
