package io.corrigo.djl;

/**
 * The open/closed state of an object that owns native resources, such as a learner and its
 * {@code NDManager}: {@link #close()} releases them once, and {@link #requireOpen()} refuses use
 * afterwards with an {@link IllegalStateException} naming the owner.
 *
 * <p>Single-threaded: one trial thread uses and closes its learner.
 *
 * @since 1.2
 */
public final class OpenGuard {

    private final String owner;
    private final Runnable release;
    private boolean closed;

    /**
     * A guard of {@code owner} (as messages name it, e.g. {@code "the bc learner"}) that runs
     * {@code release} on the first {@link #close()}.
     */
    public OpenGuard(String owner, Runnable release) {
        if (owner == null || owner.isBlank() || release == null) {
            throw new IllegalArgumentException("an open guard needs the owner's name and what to release");
        }
        this.owner = owner;
        this.release = release;
    }

    /**
     * Returns quietly while open; call it first in every method of the owner.
     *
     * @throws IllegalStateException if {@link #close()} was called, saying "{@code <owner> is closed}"
     */
    public void requireOpen() {
        if (closed) {
            throw new IllegalStateException(owner + " is closed");
        }
    }

    /** Releases the resources the first time; later calls do nothing. */
    public void close() {
        if (!closed) {
            closed = true;
            release.run();
        }
    }
}
