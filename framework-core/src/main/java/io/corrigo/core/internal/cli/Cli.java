package io.corrigo.core.internal.cli;

import io.corrigo.core.internal.spec.StudySpecException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The picocli command tree and the mapping of failures to exit codes and messages (never stack traces). */
@Command(name = "corrigo", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Compare imitation learners that learn from imperfect human feedback.",
        subcommands = {RunCommand.class, ResumeCommand.class, WorkerCommand.class, ExportCommand.class, ActCommand.class, ValidateCommand.class, PluginsCommand.class, ResultsCommand.class,
                ServeCommand.class, ReportCommand.class, FiguresCommand.class,
                CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Runs the CLI with {@code args}; returns the exit code. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Cli());
        cli.setExecutionExceptionHandler(Cli::handle);
        int code = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        System.out.flush();
        return args.length == 0 ? ExitCodes.INVALID_INPUT : code;
    }

    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof StudySpecException s) {
            err.println(s.getMessage());
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        if (e instanceof UserInputException) {
            err.println("corrigo: " + e.getMessage());
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        err.println("corrigo: internal error: " + e.getMessage());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            err.println("  caused by " + c.getClass().getSimpleName() + ": " + c.getMessage());
        }
        if (System.getenv("CORRIGO_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("Set CORRIGO_DEBUG=1 for the stack trace.");
        }
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"corrigo " + Manifests.corrigoVersion()};
        }
    }
}
