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

    @Option(names = "--cluster", paramLabel = "PORT", arity = "0..1", fallbackValue = "5701",
            description = "Coordinate a cluster on this Hazelcast port (default 5701): workers started with ./corrigo worker"
                    + " --join THIS_HOST[:PORT] run the trials; the store and the site stay here. --workers N also runs"
                    + " N trials here (default in cluster mode: 0). Needs --secret-file or CORRIGO_CLUSTER_SECRET.")
    Integer cluster;

    @Option(names = "--cluster-bind", paramLabel = "ADDRESS", description = "The address the coordinator listens on"
            + " (default: 127.0.0.1, this machine only; give the address other machines reach it at).")
    String clusterBind = "127.0.0.1";

    @Option(names = "--secret-file", paramLabel = "FILE", description = "A file holding the cluster's shared secret"
            + " (at least 16 characters; default: the CORRIGO_CLUSTER_SECRET environment variable).")
    java.nio.file.Path secretFile;
}
