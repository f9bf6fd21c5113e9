package io.corrigo.core.internal.cli;

import picocli.CommandLine.Option;

/** Where the report site listens. */
public final class ReportOptions {

    /** The port tried first; if it is taken, any free port is used. */
    static final int DEFAULT_PORT = 7070;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Address the report site binds to (default: 127.0.0.1). Any other address requires a token.")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port of the report site (default: 7070, or a free port if 7070 is taken; 0 = any free port).")
    Integer port;

    @Option(names = "--token", paramLabel = "SECRET",
            description = "Secret every request must carry (?token=...). Generated and printed when --host is not loopback.")
    String token;
}
