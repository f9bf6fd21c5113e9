package io.corrigo.core.internal.spec;

import io.corrigo.api.Checks;

/**
 * The demonstration phase before the interactive one: the environment's teacher (degraded as the
 * feedback condition's {@code expert} block says) runs {@code episodes} seeded episodes, and every
 * learner that can learn offline observes them and trains {@code offlineUpdates} times.
 *
 * @param episodes       demonstration episodes per trial; 0 (the default) means no demonstration phase
 * @param offlineUpdates gradient updates on the demonstrations before the interactive phase; default 1000
 * @param record         demonstrations stored for replay per trial (the first ones); default 10
 */
public record Demonstrations(int episodes, int offlineUpdates, int record) {

    /** No demonstration phase. */
    public static final Demonstrations DEFAULTS = new Demonstrations(0, 1000, 10);

    public Demonstrations {
        new Checks().nonNegative("episodes", episodes).nonNegative("offlineUpdates", offlineUpdates)
                .nonNegative("record", record).verify();
    }

    /** Whether the study has a demonstration phase. */
    public boolean enabled() {
        return episodes > 0;
    }
}
