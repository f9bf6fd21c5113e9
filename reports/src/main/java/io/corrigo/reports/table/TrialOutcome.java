package io.corrigo.reports.table;

import java.util.List;

/**
 * What the comparison needs of one stored trial.
 *
 * @param environment    environment label
 * @param feedback       feedback condition label
 * @param learner        learner label
 * @param seed           the seed
 * @param state          {@code done}, {@code failed}, {@code running} or {@code pending}
 * @param evaluations    evaluation points in training order
 * @param feedbackEvents total feedback events given during training
 * @param teacherSteps   total teacher-executed training steps
 */
public record TrialOutcome(String environment, String feedback, String learner, long seed, String state,
                           List<Evaluation> evaluations, long feedbackEvents, long teacherSteps) {

    /** A finished trial. */
    public static final String DONE = "done";
    /** A trial that failed. */
    public static final String FAILED = "failed";

    public TrialOutcome {
        evaluations = List.copyOf(evaluations);
    }

    /**
     * One evaluation point.
     *
     * @param episode   training episodes completed before it
     * @param successes successful rollouts
     * @param episodes  rollouts
     * @param progress  the rollouts' mean final progress (the in-set rate of the desired-action toys)
     */
    public record Evaluation(int episode, int successes, int episodes, double progress) {

        /** The success rate. */
        public double rate() {
            return (double) successes / episodes;
        }
    }
}
