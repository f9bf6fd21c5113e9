package io.corrigo.reports.data;

/**
 * A trial.
 *
 * @param id             store id
 * @param studyId        its study run
 * @param key            environment/feedback/learner/seed-N
 * @param environment    environment label
 * @param feedback       feedback label
 * @param learner        learner label
 * @param seed           seed
 * @param state          pending, running, done, failed, cancelled
 * @param error          the failure, or empty
 * @param episodesDone   training episodes completed (live for running trials)
 * @param wallMillis     wall time of a finished trial
 * @param envSteps       training steps
 * @param feedbackEvents feedback events
 * @param teacherSteps   teacher-executed steps
 * @param takeovers      takeovers started
 * @param notesJson      the plugins' manifest notes, a JSON object
 */
public record TrialRow(long id, long studyId, String key, String environment, String feedback, String learner, long seed,
                       String state, String error, int episodesDone, long wallMillis, long envSteps, long feedbackEvents,
                       long teacherSteps, long takeovers, String notesJson) {
}
