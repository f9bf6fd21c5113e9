package io.corrigo.core.internal.run;

/**
 * One evaluation of a learner: {@code episodes} rollouts on fixed seeds without feedback, after
 * {@code episode} training episodes, with the human effort spent so far.
 *
 * @param episode        training episodes completed (0 = before any training)
 * @param episodes       evaluation rollouts
 * @param successes      rollouts that succeeded
 * @param meanReturn     mean undiscounted return
 * @param meanProgress   mean final progress in [0, 1]
 * @param effort         cumulative training effort at this point
 */
public record EvaluationPoint(int episode, int episodes, int successes, double meanReturn, double meanProgress,
                              Effort effort) {

    /** Fraction of successful rollouts. */
    public double successRate() {
        return (double) successes / episodes;
    }
}
