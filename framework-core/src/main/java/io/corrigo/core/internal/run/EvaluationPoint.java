package io.corrigo.core.internal.run;

import java.util.Map;

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
 * @param modes          how many rollouts ended in each mode of a multimodal task (empty if none)
 */
public record EvaluationPoint(int episode, int episodes, int successes, double meanReturn, double meanProgress,
                              Effort effort, Map<String, Integer> modes) {

    public EvaluationPoint {
        modes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(modes));
    }

    /** A point without modes. */
    public EvaluationPoint(int episode, int episodes, int successes, double meanReturn, double meanProgress,
                           Effort effort) {
        this(episode, episodes, successes, meanReturn, meanProgress, effort, Map.of());
    }

    /** Counts the mode {@code info} reports in {@code modes}; a task without modes reports none. */
    static void countMode(Map<String, Integer> modes, io.corrigo.api.env.StepInfo info) {
        if (!info.mode().isEmpty()) {
            modes.merge(info.mode(), 1, Integer::sum);
        }
    }

    /** Fraction of successful rollouts. */
    public double successRate() {
        return (double) successes / episodes;
    }
}
