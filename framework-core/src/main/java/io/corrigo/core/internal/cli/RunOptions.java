package io.corrigo.core.internal.cli;

import picocli.CommandLine.Option;

/** The options {@code run} and {@code resume} share: output, parallelism and the live site. */
final class RunOptions {

    @Option(names = "--json", description = "Print the results as JSON on standard output.")
    boolean json;

    @Option(names = "--workers", paramLabel = "N", description = "Trials run in parallel (default: the number of cores).")
    Integer workers;

    @Option(names = "--no-server", description = "Do not serve the live report site during the run.")
    boolean noServer;

    @Option(names = "--linger", paramLabel = "SECONDS", description = "Keep the report site up this long after the study"
            + " ends, so open pages receive the final state (default: 3). ./corrigo serve shows stored studies any time.")
    int linger = 3;
}
