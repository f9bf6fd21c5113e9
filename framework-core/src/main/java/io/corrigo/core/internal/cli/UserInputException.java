package io.corrigo.core.internal.cli;

/** Bad input that is not a study file problem (an unknown study name, a missing store): exit code 2. */
final class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UserInputException(String message) {
        super(message);
    }
}
