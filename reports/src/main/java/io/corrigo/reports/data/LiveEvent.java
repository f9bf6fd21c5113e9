package io.corrigo.reports.data;

/**
 * Something happened in a running study. {@code json} is a small JSON object whose fields depend
 * on {@code type}: {@code trial-started}, {@code episode} ({@code trialId, episode, episodes}),
 * {@code evaluation} (an {@link EvaluationRow} as JSON), {@code trial-finished}, {@code trial-failed},
 * {@code study-finished}. Clients treat events as hints and re-read the API to resync.
 *
 * @param type    the event type
 * @param studyId the study run
 * @param json    the payload
 */
public record LiveEvent(String type, long studyId, String json) {
}
