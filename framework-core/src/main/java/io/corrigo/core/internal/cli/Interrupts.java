package io.corrigo.core.internal.cli;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.LoggerFactory;

/**
 * One shutdown hook for the whole CLI, running registered actions last-registered-first: on Ctrl-C
 * a running study is cancelled and allowed to record its state before the plugin host stops.
 */
final class Interrupts {

    private static final Deque<Runnable> ACTIONS = new ConcurrentLinkedDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Interrupts::runAll, "corrigo-shutdown"));
    }

    private Interrupts() {
    }

    /** Runs {@code action} on JVM shutdown unless the returned handle is closed first. */
    static Registration register(Runnable action) {
        ACTIONS.push(action);
        return () -> ACTIONS.remove(action);
    }

    /** Undoes a registration. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static void runAll() {
        for (Runnable a; (a = ACTIONS.poll()) != null; ) {
            try {
                a.run();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(Interrupts.class).warn("shutdown step failed: {}", e.toString());
            }
        }
    }
}
