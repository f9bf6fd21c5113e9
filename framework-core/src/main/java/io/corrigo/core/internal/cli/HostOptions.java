package io.corrigo.core.internal.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by every command. */
public final class HostOptions {

    @Option(names = "--dropins", paramLabel = "DIR", description = "Drop-in bundle folder (default: <home>/dropins).")
    Path dropins;

    @Option(names = "--runs", paramLabel = "DIR", description = "Output folder holding the store corrigo.db (default: <home>/runs).")
    Path runs;

    HostPaths paths() {
        return HostPaths.resolve(dropins, runs);
    }
}
