package io.corrigo.api.feedback;

import io.corrigo.api.env.Teacher;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An optional capability of a {@link FeedbackSimulator}: the teacher this simulated human acts with,
 * degraded as the simulator is configured (a suboptimal expert), so that the host can record
 * demonstrations by the same person who later corrects the learner. A simulator without it
 * demonstrates with the environment's own scripted teacher.
 *
 * @since 1.1 (of this package)
 */
@ConsumerType
public interface Demonstrator {

    /**
     * The teacher to demonstrate with, valid for the environment the simulator was created for; its
     * randomness comes from the simulator's own streams. The host calls it once per demonstration phase.
     */
    Teacher demonstrator();
}
