package io.corrigo.core.internal.store;

/**
 * A study run as stored.
 *
 * @param id           store id
 * @param name         study name
 * @param source       the study file as named by the user
 * @param state        {@code running}, {@code finished}, {@code failed} (some trial failed), {@code cancelled}, {@code crashed}
 * @param device       the resolved device
 * @param trialsTotal  planned trials
 * @param createdAt    ISO-8601 start time
 * @param finishedAt   ISO-8601 end time, or empty while running
 * @param manifestJson the manifest
 */
public record StoredStudy(long id, String name, String source, String state, String device, int trialsTotal,
                          String createdAt, String finishedAt, String manifestJson) {
}
