package io.corrigo.core.internal.cli;

/** The CLI's exit codes. */
public final class ExitCodes {

    /** Everything worked. */
    public static final int OK = 0;
    /** The study finished but some trial failed. */
    public static final int TRIAL_FAILED = 1;
    /** Invalid input: a study file, an option, an unknown name. */
    public static final int INVALID_INPUT = 2;
    /** An internal error (store, plugin host, engine). */
    public static final int INTERNAL_ERROR = 3;
    /** Interrupted (Ctrl-C); completed trials are kept. */
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }
}
