package io.corrigo.reports.data;

import java.util.function.Consumer;

/**
 * The host's stream of {@link LiveEvent}s. Listeners are called on the publishing thread and must
 * return at once (hand off to a bounded buffer); a slow consumer must never slow a study.
 */
public interface LiveFeed {

    /** Registers {@code listener}; closing the handle unregisters it. */
    AutoCloseable subscribe(Consumer<LiveEvent> listener);
}
