package io.corrigo.core.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.spec.StudyLoader;
import io.corrigo.core.internal.spec.StudySpec;
import io.corrigo.core.internal.store.Store;
import io.corrigo.core.internal.store.StoredStudy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code run} and {@code resume} run: a study file as a new run, or a stored run that ended
 * unfinished, continued from its stored text and {@code --set} overrides with the trials it has
 * not finished ({@code resumeOf} and {@code trials} set).
 */
record RunTarget(StudySpec spec, String text, StoredStudy resumeOf, List<Trial> trials) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Trials this invocation runs. */
    int trialCount() {
        return resumeOf == null ? spec.trialCount() : trials.size();
    }

    /**
     * {@code file} with {@code overrides}: a new run, or with {@code resume} the continuation of the
     * newest run of the same study, which must have been started from the same text and overrides.
     * Without {@code resume}, a note on {@code notes} says when that newest run could be continued.
     */
    static RunTarget fromFile(StudyLoader loader, Store store, Path file, List<String> overrides, boolean resume,
                              PrintStream notes) throws IOException {
        StudySpec spec = loader.load(file, file.toString(), overrides);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Optional<StoredStudy> last = store.latest(spec.name());
        if (!resume) {
            last.filter(s -> Store.RESUMABLE.contains(s.state())).ifPresent(s -> notes.printf("Note: run #%d of '%s' is %s"
                    + " with %d of %d trials finished; this starts a new run. To continue that one instead: ./corrigo"
                    + " resume %s%n", s.id(), s.name(), s.state(), finished(store, s), s.trialsTotal(), Shell.quote(s.name())));
            return new RunTarget(spec, text, null, null);
        }
        StoredStudy stored = last.orElseThrow(() -> new UserInputException("--resume: there is no stored run of '"
                + spec.name() + "' to continue; run it without --resume"));
        if (!text.equals(store.specYaml(stored.id()).orElse(null)) || !overrides.equals(storedOverrides(stored))) {
            throw new UserInputException("--resume: " + file + " or its --set overrides differ from those run #"
                    + stored.id() + " of '" + spec.name() + "' was started with, so its finished trials would not belong"
                    + " to this study. Continue it as it was with ./corrigo resume " + Shell.quote(spec.name())
                    + ", or start a new run without --resume");
        }
        return new RunTarget(spec, text, stored, StudyExecution.remaining(store, stored, spec));
    }

    /** The newest run of the study named {@code name}, to continue as it was started. */
    static RunTarget fromStore(StudyLoader loader, Store store, String name) {
        StoredStudy stored = store.latest(name).orElseThrow(() -> new UserInputException("no stored study named '" + name
                + "'. Stored: " + String.join(", ", store.studies().stream().map(StoredStudy::name).distinct().sorted()
                .toList())));
        String text = store.specYaml(stored.id()).orElseThrow(() -> new UserInputException("run #" + stored.id()
                + " of '" + name + "' has no stored study text (recorded by an older version); run it again instead"));
        StudySpec spec = loader.loadText(stored.source() == null ? name + ".yaml" : stored.source(), text,
                storedOverrides(stored));
        return new RunTarget(spec, text, stored, StudyExecution.remaining(store, stored, spec));
    }

    /** The {@code --set} overrides a run was started with, from its manifest. */
    static List<String> storedOverrides(StoredStudy stored) {
        List<String> overrides = new ArrayList<>();
        try {
            JsonNode list = JSON.readTree(stored.manifestJson() == null ? "{}" : stored.manifestJson())
                    .path("study").path("overrides");
            list.forEach(o -> overrides.add(o.asText()));
        } catch (IOException e) {
            throw new UserInputException("run #" + stored.id() + " has an unreadable manifest: " + e.getMessage());
        }
        return overrides;
    }

    private static long finished(Store store, StoredStudy s) {
        return store.trials(s.id()).stream().filter(t -> "done".equals(t.state())).count();
    }
}
