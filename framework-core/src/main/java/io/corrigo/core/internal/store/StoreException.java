package io.corrigo.core.internal.store;

/** The store could not be read or written: an internal error (exit code 3), never bad input. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
