package io.corrigo.core.internal.store;

import io.corrigo.core.internal.run.Effort;

/**
 * A trial as stored.
 *
 * @param id          store id
 * @param key         {@code environment/feedback/learner/seed-N}
 * @param environment environment label
 * @param feedback    feedback label
 * @param learner     learner label
 * @param seed        seed
 * @param state       {@code pending}, {@code running}, {@code done}, {@code failed}
 * @param error       the failure, or empty
 * @param wallMillis  wall time of a finished or failed trial
 * @param effort      total training effort of a finished trial
 * @param notesJson   the plugins' notes for the manifest, a JSON object of strings
 */
public record StoredTrial(long id, String key, String environment, String feedback, String learner, long seed,
                          String state, String error, long wallMillis, Effort effort, String notesJson) {
}
