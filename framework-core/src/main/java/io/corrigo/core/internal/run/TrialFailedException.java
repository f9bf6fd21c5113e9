package io.corrigo.core.internal.run;

/** A plugin failed during a trial; the trial is recorded as failed and the study goes on. */
public final class TrialFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String trialKey;
    private final long seed;
    private final String described;

    public TrialFailedException(String trialKey, long seed, String message, Throwable cause) {
        super("trial " + trialKey + " (seed " + seed + ") failed: " + message, cause);
        this.trialKey = trialKey;
        this.seed = seed;
        this.described = null;
    }

    private TrialFailedException(String trialKey, long seed, String described) {
        super(described.lines().findFirst().orElse(described));
        this.trialKey = trialKey;
        this.seed = seed;
        this.described = described;
    }

    /** A failure another process described (a cluster worker): {@link #describe()} returns {@code described}. */
    public static TrialFailedException described(String trialKey, long seed, String described) {
        return new TrialFailedException(trialKey, seed, described);
    }

    public String trialKey() {
        return trialKey;
    }

    public long seed() {
        return seed;
    }

    /** The message plus the cause chain, one line each, for the store and the CLI. */
    public String describe() {
        if (described != null) {
            return described;
        }
        StringBuilder b = new StringBuilder(getMessage());
        for (Throwable c = getCause(); c != null; c = c.getCause()) {
            b.append("\n  caused by ").append(c.getClass().getName()).append(": ").append(c.getMessage());
            StackTraceElement[] st = c.getStackTrace();
            if (st.length > 0) {
                b.append("\n    at ").append(st[0]);
            }
        }
        return b.toString();
    }
}
