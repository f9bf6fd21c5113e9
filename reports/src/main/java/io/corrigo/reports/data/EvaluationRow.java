package io.corrigo.reports.data;

/**
 * One evaluation point of a trial.
 *
 * @param trialId        the trial
 * @param episode        training episodes completed before it (0 = untrained)
 * @param episodes       evaluation rollouts
 * @param successes      successful rollouts
 * @param meanReturn     mean return
 * @param meanProgress   mean final progress
 * @param envSteps       cumulative training steps
 * @param feedbackEvents cumulative feedback events (human effort)
 * @param teacherSteps   cumulative teacher-executed steps (human effort)
 * @param provisional    true while its trial is still running (not yet committed)
 */
public record EvaluationRow(long trialId, int episode, int episodes, int successes, double meanReturn, double meanProgress,
                            long envSteps, long feedbackEvents, long teacherSteps, boolean provisional) {
}
