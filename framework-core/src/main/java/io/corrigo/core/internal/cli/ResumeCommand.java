package io.corrigo.core.internal.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code corrigo resume NAME}: continues the newest run of a study that was interrupted (its process
 * killed), cancelled (Ctrl-C, SIGTERM) or crashed, from the study text and overrides it was started
 * with. Finished and failed trials are kept and never rerun; the others run from scratch, each with
 * its own seed, so the final table equals an uninterrupted run's.
 */
@Command(name = "resume", description = "Continue the newest run of a study that was interrupted, cancelled or crashed:"
        + " finished trials are kept, the unfinished ones run again.", mixinStandardHelpOptions = true)
final class ResumeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY-NAME", description = "The study's name (see ./corrigo results).")
    String name;

    @Mixin
    RunOptions options;

    @Mixin
    HostOptions host;

    @Mixin
    ReportOptions report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!java.nio.file.Files.exists(host.paths().database())) {
            throw new UserInputException("nothing to resume: " + host.paths().database() + " does not exist");
        }
        RunCommand run = new RunCommand();
        run.resumeName = name;
        run.options = options;
        run.host = host;
        run.report = report;
        run.spec = spec;
        return run.call();
    }
}
