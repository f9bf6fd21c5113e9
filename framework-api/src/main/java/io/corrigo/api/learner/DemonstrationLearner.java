package io.corrigo.api.learner;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An optional capability of a {@link Learner}: it can learn offline from demonstrations before the
 * interactive phase. When a study has a {@code demonstrations} block, the host runs the
 * environment's teacher (degraded as the feedback condition's {@code expert} block says) for the
 * configured number of seeded episodes, hands every step to {@link #observeDemonstration} in order,
 * then calls {@link #trainOnDemonstrations} once, all before the first training episode and on the
 * learner's thread. Learners that do not implement it start the interactive phase untrained, and
 * the trial's manifest says so.
 *
 * <p>The demonstrations of a trial depend only on the environment, the feedback condition and the
 * seed, never on the learner: every learner of a study sees the same episodes.
 *
 * @since 1.2 (of this package)
 */
@ConsumerType
public interface DemonstrationLearner {

    /**
     * One step of a demonstration episode. {@code transition.executed()} is the demonstrator's action
     * (also in {@code proposed()}), {@code executedBy()} is the teacher and the feedback is
     * {@code None}; the last step of an episode is {@link Transition#done()}. Episodes arrive whole
     * and in order; nothing is trained yet.
     */
    void observeDemonstration(Transition transition);

    /**
     * Trains on the demonstrations observed: {@code updates} (&gt;= 0) gradient updates, stopping
     * early if the trial is cancelled. Called once, after the last demonstration.
     */
    void trainOnDemonstrations(int updates);
}
