package io.corrigo.core;

import io.corrigo.core.internal.cli.Cli;

/** The {@code corrigo} command-line entry point. */
public final class Main {

    private Main() {
    }

    /** Runs the CLI and exits with its code (0 ok, 1 a trial failed, 2 invalid input, 3 internal error). */
    public static void main(String[] args) {
        System.exit(Cli.execute(args));
    }
}
