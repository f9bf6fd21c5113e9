package io.corrigo.api.learner;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An optional capability of a {@link Learner} whose policy has memory within an episode (an
 * observation history, an action chunk being executed open-loop): the host calls
 * {@link #startRollout()} before the first {@link Learner#act} of every episode it runs — training
 * and evaluation alike — so that nothing carries over from the previous one. It must not change
 * what the learner has learnt or draw from its random streams.
 *
 * @since 1.2 (of this package)
 */
@ConsumerType
public interface RolloutAware {

    /** An episode starts: forget the observations and plans of the previous one. */
    void startRollout();
}
