package io.corrigo.reports.table;

import io.corrigo.reports.stats.Interval;
import java.util.Optional;

/**
 * One row of the comparison: a learner under a feedback condition in an environment, over seeds.
 *
 * @param environment    environment label
 * @param feedback       feedback condition label
 * @param learner        learner label
 * @param seedsFinished  seeds whose trial finished
 * @param seedsTotal     seeds planned
 * @param seedsFailed    seeds whose trial failed
 * @param success        final success rate: rollouts of the last {@code k} evaluations of every
 *                       finished seed pooled, with a 95 % Wilson interval; empty if none finished
 * @param finalMean      mean over seeds of each seed's mean success over its last {@code k} evaluations
 * @param bestMean       mean over seeds of each seed's best evaluation after training started
 * @param progressMean   mean over seeds of each seed's mean final progress over its last {@code k} evaluations
 * @param progressSd     the standard deviation of those per-seed values (0 for one seed)
 * @param feedbackMean   mean feedback events per finished trial
 * @param teacherStepsMean mean teacher-executed steps per finished trial
 */
public record CellSummary(String environment, String feedback, String learner, int seedsFinished, int seedsTotal,
                          int seedsFailed, Optional<Interval> success, double finalMean, double bestMean,
                          double progressMean, double progressSd,
                          double feedbackMean, double teacherStepsMean) {
}
