package io.corrigo.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code protocol: clic-original} through the real host and bundles: what it writes into the
 * entries, that an entry's own key wins, the manifest's deviations, and the per-state draws.
 */
@Epic("Studies")
@Feature("Protocols")
class ProtocolIT {

    private static final String STUDY = """
            name: original
            protocol: clic-original
            seeds: [1]
            budget: {episodes: 2, evalEvery: 2, evalEpisodes: 2, drawsPerState: 20}
            environments:
              - id: toy-two-circles
                maxSteps: 30
            feedback:
              - id: absolute
            learners:
              - id: bc
                hiddenSizes: [16]
                endOfEpisodeUpdates: 20
              - id: bc
                label: bc-torch
                hiddenSizes: [16]
                endOfEpisodeUpdates: 20
                init: torch
            """;

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void clicOriginalProtocolWritesItsSettingsUnlessAnEntrySetsThemAndListsThemInTheManifest() throws Exception {
        Files.writeString(home.resolve("original.yaml"), STUDY);

        Distribution.Run validate = Distribution.cli(home, "validate", "original.yaml");
        assertThat(validate.exitCode()).as(validate.err()).isZero();
        assertThat(validate.out()).contains("Protocol clic-original sets",
                "feedback[0] (absolute) teacherQuery=executed", "environments[0] (toy-two-circles) reset=original",
                "environments[0] (toy-two-circles) observations=raw", "learners[0] (bc) init=keras",
                "learners[0] (bc) outputSquash=sigmoid2", "learners[1] (bc) outputSquash=sigmoid2")
                .doesNotContain("learners[1] (bc) init=keras");

        Distribution.Run run = Distribution.cli(home, "run", "original.yaml", "--no-server");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode manifest = json.readTree(StoreRows.column(home, "SELECT manifest_json FROM studies WHERE id = 1").get(0));
        JsonNode resolved = manifest.path("resolved");
        assertThat(resolved.path("protocol").asText()).isEqualTo("clic-original");
        assertThat(resolved.path("deviations").toString()).contains("teacherQuery=executed", "adamEpsilon=1e-7");
        assertThat(resolved.path("feedback").get(0).path("teacherQuery").asText()).isEqualTo("executed");
        assertThat(resolved.path("environments").get(0).path("config").path("reset").asText()).isEqualTo("original");
        List<String> inits = new ArrayList<>();
        resolved.path("learners").forEach(l -> inits.add(l.path("config").path("init").asText()));
        assertThat(inits).containsExactly("keras", "torch");
        assertThat(StoreRows.column(home, "SELECT notes_json FROM trials WHERE learner = 'bc'").get(0))
                .contains("2·sigmoid − 1 output", "keras initialisation", "Adam ε 1.0E-7");

        Distribution.Run results = Distribution.cli(home, "results", "original");
        assertThat(results.out()).contains("independent draws at every state (budget.drawsPerState)",
                "toy-two-circles / absolute / bc:", "toy-two-circles / absolute / bc-torch:");
        assertThat(StoreRows.count(home, "metrics WHERE name = 'eval.inSetPerState'")).isEqualTo(2 * 2);
    }

    @Test
    void anUnknownProtocolOrTeacherQueryIsAnInputErrorWithTheChoices() throws Exception {
        Files.writeString(home.resolve("original.yaml"), STUDY.replace("protocol: clic-original", "protocol: clic-orignal")
                .replace("  - id: absolute", "  - id: absolute\n    teacherQuery: executd"));

        Distribution.Run validate = Distribution.cli(home, "validate", "original.yaml");

        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains("protocol: 'clic-orignal' is not a protocol", "Did you mean 'clic-original'?",
                "feedback[0].teacherQuery: expected proposal or executed but was", "original.yaml:2:");
    }
}
