package io.corrigo.reports.data;

/**
 * A recorded rollout. Its frames (from {@link ReportData#rolloutFrames(long)}) are a JSON array of
 * objects {@code {t, scene, learner, teacher, executed, executedBy, feedback, reward, success}} where
 * {@code scene} is the environment's {@code Scene} as JSON (bounds, shapes, actionFrame), the actions
 * are arrays of floats (teacher absent in evaluation rollouts), {@code feedback} is the feedback kind
 * ({@code none}, {@code absolute}, …).
 *
 * @param id      store id
 * @param trialId the trial
 * @param kind    {@code evaluation} or {@code training}
 * @param episode the training episode it belongs to (evaluations: episodes completed before it)
 * @param steps   number of frames
 * @param success whether the episode succeeded
 */
public record RolloutInfo(long id, long trialId, String kind, int episode, int steps, boolean success) {
}
