package io.corrigo.core.internal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corrigo.core.internal.run.TrialRunner;
import io.corrigo.core.internal.store.Store;
import io.corrigo.core.internal.store.StoredStudy;
import io.corrigo.core.internal.store.StoredTrial;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code corrigo export NAME --trial KEY --out DIR}: a finished trial's trained learner as a folder
 * {@code corrigo act} loads — its saved state ({@code state/}), the study text and overrides that
 * configured it ({@code study.yaml}, {@code policy.json}).
 */
@Command(name = "export", description = "Write a finished trial's trained learner to a folder that ./corrigo act loads.",
        mixinStandardHelpOptions = true)
final class ExportCommand implements Callable<Integer> {

    /** The file in an exported folder that describes it. */
    static final String DESCRIPTION = "policy.json";
    static final String STUDY = "study.yaml";
    static final String STATE = "state";

    @Parameters(index = "0", paramLabel = "STUDY-NAME", description = "The study's name (see ./corrigo results).")
    String name;

    @Option(names = "--trial", required = true, paramLabel = "KEY",
            description = "The trial, as the results list it: environment/feedback/learner/seed-N.")
    String trial;

    @Option(names = "--run", paramLabel = "N", description = "The run number (default: the study's newest run).")
    Long run;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A folder that does not exist yet.")
    Path out;

    @Mixin
    HostOptions host;

    @Override
    public Integer call() throws IOException {
        HostPaths paths = host.paths();
        if (!Files.exists(paths.database())) {
            throw new UserInputException("nothing to export: " + paths.database() + " does not exist");
        }
        if (Files.exists(out)) {
            throw new UserInputException("--out " + out + " exists already; name a new folder");
        }
        try (Store store = Store.open(paths.database())) {
            StoredStudy study = (run == null ? store.latest(name) : store.studies().stream()
                    .filter(s -> s.id() == run && s.name().equals(name)).findFirst())
                    .orElseThrow(() -> new UserInputException("no stored run " + (run == null ? "" : "#" + run + " ")
                            + "of a study named '" + name + "' (see ./corrigo results)"));
            List<StoredTrial> trials = store.trials(study.id());
            StoredTrial t = trials.stream().filter(x -> x.key().equals(trial)).findFirst().orElseThrow(() ->
                    new UserInputException("run #" + study.id() + " of '" + name + "' has no trial '" + trial + "'; its trials: "
                            + String.join(", ", trials.stream().map(StoredTrial::key).limit(12).toList())
                            + (trials.size() > 12 ? ", …" : "")));
            if (!"done".equals(t.state())) {
                throw new UserInputException("trial '" + trial + "' of run #" + study.id() + " is " + t.state()
                        + "; only finished trials have a trained learner to export");
            }
            Path state = TrialRunner.workDirectory(StudyExecution.artifacts(paths, name, study.id()), trial)
                    .resolve(TrialRunner.POLICY_DIRECTORY);
            if (!Files.isDirectory(state)) {
                throw new UserInputException("trial '" + trial + "' kept no learner state (" + state + " is missing: the"
                        + " run predates saved policies, its learner could not save, or the folder was deleted)");
            }
            Files.createDirectories(out.resolve(STATE));
            try (Stream<Path> files = Files.walk(state)) {
                for (Path f : files.toList()) {
                    Path target = out.resolve(STATE).resolve(state.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target);
                    }
                }
            }
            Files.writeString(out.resolve(STUDY), store.specYaml(study.id()).orElse(""), StandardCharsets.UTF_8);
            ObjectMapper json = new ObjectMapper();
            ObjectNode d = json.createObjectNode();
            d.put("format", 1);
            d.put("study", name);
            d.put("source", study.source());
            d.put("run", study.id());
            d.put("trial", trial);
            d.put("learner", t.learner());
            d.set("overrides", json.valueToTree(RunTarget.storedOverrides(study)));
            Files.writeString(out.resolve(DESCRIPTION), d.toPrettyString() + "\n", StandardCharsets.UTF_8);
            System.err.printf("Exported learner '%s' of trial %s (run #%d of '%s') to %s. Act with it: ./corrigo act %s%n",
                    t.learner(), trial, study.id(), name, out, Shell.quote(out.toString()));
            return ExitCodes.OK;
        }
    }
}
