package io.corrigo.reports.data;

/**
 * A study run for listings.
 *
 * @param id            store id
 * @param name          study name
 * @param state         running, finished, failed, cancelled, crashed
 * @param device        resolved device
 * @param trialsTotal   planned trials
 * @param trialsDone    finished trials
 * @param trialsFailed  failed trials
 * @param trialsRunning running trials
 * @param createdAt     ISO-8601
 * @param finishedAt    ISO-8601 or empty
 */
public record StudyRow(long id, String name, String state, String device, int trialsTotal, int trialsDone,
                       int trialsFailed, int trialsRunning, String createdAt, String finishedAt) {
}
