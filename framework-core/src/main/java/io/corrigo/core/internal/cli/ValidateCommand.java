package io.corrigo.core.internal.cli;

import io.corrigo.core.internal.osgi.FelixHost;
import io.corrigo.core.internal.spec.StudySpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code corrigo validate STUDY.yaml}: checks a study against the installed plugins without running it. */
@Command(name = "validate", description = "Check a study against the installed plugins; exit 0 if valid, 2 with every problem.",
        mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY.yaml", description = "The study file.")
    Path study;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a field, as for run.")
    List<String> overrides = new ArrayList<>();

    @Mixin
    HostOptions host;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (FelixHost felix = Hosts.start(host.paths());
             Interrupts.Registration hook = Interrupts.register(felix::close)) {
            StudySpec s = Hosts.loader(felix.catalog()).load(study, study.toString(), overrides);
            int pairs = s.trialCount() / Math.max(1, s.environments().size() * s.seeds().size());
            boolean everyPair = pairs == s.feedback().size() * s.learners().size();
            spec.commandLine().getOut().printf("Study '%s' is valid: %d trials = %d environment(s) x %s x %d seed(s);"
                            + " %s%d training episodes each; device %s.%n",
                    s.name(), s.trialCount(), s.environments().size(), everyPair
                            ? s.feedback().size() + " feedback condition(s) x " + s.learners().size() + " learner(s)"
                            : pairs + " learner-feedback pair(s) (pairWith)", s.seeds().size(),
                    s.demonstrations().enabled() ? s.demonstrations().episodes() + " demonstrations and "
                            + s.demonstrations().offlineUpdates() + " offline updates, then " : "",
                    s.budget().episodes(), s.device());
            if (!s.protocolSettings().isEmpty()) {
                spec.commandLine().getOut().printf("Protocol %s sets (each can be overridden in its entry):%n  %s%n",
                        s.protocol(), String.join("\n  ", s.protocolSettings()));
            }
            return ExitCodes.OK;
        }
    }
}
