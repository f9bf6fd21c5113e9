package io.corrigo.core.internal.run;

/**
 * A recorded episode for replay.
 *
 * @param kind       {@code evaluation} or {@code training}
 * @param episode    the training episode (evaluations: episodes completed before it)
 * @param steps      frames
 * @param success    whether the episode succeeded
 * @param framesJson the frames as a JSON array (see {@code io.corrigo.reports.data.RolloutInfo})
 */
public record Rollout(String kind, int episode, int steps, boolean success, String framesJson) {
}
