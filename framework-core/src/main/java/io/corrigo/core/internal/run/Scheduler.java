package io.corrigo.core.internal.run;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a study's trials somewhere — threads of this JVM ({@link LocalScheduler}) or workers of a
 * cluster — reporting each to the sink (the store) and the listener (progress, the site).
 */
public interface Scheduler {

    /** Runs every trial; returns when all finished, failed, timed out or were cancelled. */
    LocalScheduler.Outcome run(List<Trial> trials, TrialRunner runner, TrialSink sink, TrialListener listener,
                               AtomicBoolean cancelled);
}
