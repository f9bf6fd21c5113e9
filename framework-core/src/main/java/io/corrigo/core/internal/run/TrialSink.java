package io.corrigo.core.internal.run;

/** Where a scheduler reports trial outcomes (the store). Called from trial threads. */
public interface TrialSink {

    /** A trial is about to run. */
    void started(Trial trial);

    /** A trial finished; commit it. */
    void finished(TrialResult result);

    /** A trial failed after {@code wallMillis}. */
    void failed(Trial trial, TrialFailedException failure, long wallMillis);
}
