package io.corrigo.core.internal.cli;

import com.google.inject.Guice;
import io.corrigo.core.internal.store.Store;
import io.corrigo.core.internal.store.StoredStudy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code corrigo results [NAME]}: the stored comparison of a study's newest run, from the store alone. */
@Command(name = "results", description = "Show stored results: the list of study runs, or the table of the newest run of NAME.",
        mixinStandardHelpOptions = true)
final class ResultsCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "STUDY-NAME", description = "A study name (see the list without it).")
    String name;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Mixin
    HostOptions host;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        HostPaths paths = host.paths();
        if (!Files.exists(paths.database())) {
            throw new UserInputException("no results yet: " + paths.database() + " does not exist. Run a study first, e.g. "
                    + "./corrigo run configs/quickstart.yaml");
        }
        ResultsView view = Guice.createInjector(new HostModule(paths)).getInstance(ResultsView.class);
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = Store.open(paths.database())) {
            List<StoredStudy> studies = store.studies();
            if (name == null) {
                out.print(json ? listJson(studies) : list(studies));
                out.flush();
                return ExitCodes.OK;
            }
            StoredStudy study = store.latest(name).orElseThrow(() -> new UserInputException("no stored study named '" + name
                    + "'. Stored: " + String.join(", ", studies.stream().map(StoredStudy::name).distinct().sorted().toList())));
            out.print(json ? view.json(store, study) + "\n" : view.text(store, study));
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static String list(List<StoredStudy> studies) {
        StringBuilder b = new StringBuilder("Stored study runs (" + studies.size() + ", newest first):\n");
        b.append(String.format("  %-5s %-24s %-11s %-7s %-7s %s%n", "run", "name", "state", "trials", "device", "started"));
        for (StoredStudy s : studies) {
            b.append(String.format("  %-5d %-24s %-11s %-7d %-7s %s%n", s.id(), s.name(), s.state(), s.trialsTotal(),
                    s.device(), s.createdAt()));
        }
        return b.append("Show one: ./corrigo results NAME\n").toString();
    }

    private String listJson(List<StoredStudy> studies) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < studies.size(); i++) {
            StoredStudy s = studies.get(i);
            b.append(i == 0 ? "\n" : ",\n").append(String.format("  {\"run\": %d, \"name\": \"%s\", \"state\": \"%s\", \"trials\": %d,"
                    + " \"device\": \"%s\", \"createdAt\": \"%s\"}", s.id(), s.name(), s.state(), s.trialsTotal(), s.device(), s.createdAt()));
        }
        return b.append("\n]\n").toString();
    }
}
