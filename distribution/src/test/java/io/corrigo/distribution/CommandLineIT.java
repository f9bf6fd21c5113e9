package io.corrigo.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as users run it: a second JVM on the assembled distribution. */
@Epic("Command line")
@Feature("run, validate, plugins, results")
class CommandLineIT {

    private static final String TINY = """
            name: tiny
            seeds: [1, 2]
            budget: {episodes: 3, evalEvery: 3, evalEpisodes: 5}
            environments:
              - id: two-route
            feedback:
              - id: absolute
                label: accurate
              - id: absolute
                label: gaussian
                noise: {gaussian: true}
            learners:
              - id: bc
                hiddenSizes: [32, 32]
                endOfEpisodeUpdates: 50
            """;

    private static final String BROKEN = """
            name: broken
            budget:
              episodes: ten
              evalEvry: 2
            environments:
              - id: two-route
            feedback:
              - id: absolute
            learners:
              - id: bcc
              - id: bc
                learningRate: -0.001
            """;

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void aTinyStudyRunsEndToEndAndItsResultsReadBackAfterTheProcessExited() throws Exception {
        Files.writeString(home.resolve("tiny.yaml"), TINY);
        Distribution.Run run = Distribution.cli(home, "run", "tiny.yaml", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = json.readTree(run.out());
        assertThat(result.path("study").path("state").asText()).isEqualTo("finished");
        assertThat(result.path("rows")).hasSize(2);
        for (JsonNode row : result.path("rows")) {
            assertThat(row.path("learner").asText()).isEqualTo("bc");
            assertThat(row.path("seedsFinished").asInt()).isEqualTo(2);
            assertThat(row.path("success").path("estimate").isNumber()).isTrue();
            assertThat(row.path("feedbackEvents").asDouble()).isPositive();
        }
        Distribution.Run again = Distribution.cli(home, "results", "tiny", "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(json.readTree(again.out()).path("rows")).isEqualTo(result.path("rows"));
        Distribution.Run text = Distribution.cli(home, "results", "tiny");
        assertThat(text.out()).contains("two-route", "accurate", "gaussian", "bc", "2/2");
    }

    @Test
    void aRunWhoseProcessWasKilledIsShownInterruptedWithTheTrialsItFinished() throws Exception {
        Files.writeString(home.resolve("tiny.yaml"), TINY.replace("episodes: 3,", "episodes: 12,"));
        Path err = home.resolve("killed.err");
        Process run = Distribution.start(home, home.resolve("killed.out"), err, "run", "tiny.yaml", "--no-server", "--workers", "1");
        try {
            Distribution.awaitLine(err, "[1/4]", run);
        } finally {
            run.destroyForcibly();   // SIGKILL: no shutdown hook runs, the store is left saying "running"
            assertThat(run.waitFor(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        }
        Distribution.Run after = Distribution.cli(home, "results", "tiny", "--json");
        assertThat(after.exitCode()).as(after.err()).isZero();
        JsonNode result = json.readTree(after.out());
        assertThat(result.path("study").path("state").asText()).isEqualTo("interrupted");
        assertThat(result.path("rows").get(0).path("seedsFinished").asInt()).isEqualTo(1);
    }

    @Test
    void aStudyWithMistakesGetsOneLocatedReportAndExitCodeTwoWithoutAStackTrace() throws Exception {
        Files.writeString(home.resolve("broken.yaml"), BROKEN);
        Distribution.Run run = Distribution.cli(home, "validate", "broken.yaml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Study 'broken' is invalid (4 problems):")
                .contains("budget.episodes: expected an integer but was the string 'ten'", "broken.yaml:3:13")
                .contains("budget.evalEvry: unknown key 'evalEvry'", "Did you mean 'evalEvery'?", "broken.yaml:4:3")
                .contains("no learner 'bcc' is installed", "Did you mean 'bc'?", "broken.yaml:10:9")
                .contains("learners[1].learningRate: must be > 0 but was -0.001", "broken.yaml:12:19")
                .doesNotContain("Exception", "\tat ");
        assertThat(Distribution.cli(home, "run", "broken.yaml").exitCode()).isEqualTo(2);
        assertThat(Distribution.cli(home, "run", "missing.yaml").exitCode()).isEqualTo(2);
    }

    @Test
    void aDropInBuiltOnlyAgainstTheApiIsListedAndUsableInAStudyWithoutRebuilding() throws Exception {
        Files.createDirectories(home.resolve("dropins"));
        Files.copy(Distribution.knnJar(), home.resolve("dropins/knn-learner.jar"), StandardCopyOption.REPLACE_EXISTING);
        Distribution.Run plugins = Distribution.cli(home, "plugins", "--json");
        assertThat(plugins.exitCode()).as(plugins.err()).isZero();
        JsonNode knn = null;
        for (JsonNode p : json.readTree(plugins.out()).path("plugins")) {
            if (p.path("id").asText().equals("knn")) {
                knn = p;
            }
        }
        assertThat(knn).as("knn listed").isNotNull();
        assertThat(knn.path("kind").asText()).isEqualTo("learner");
        assertThat(knn.path("bundle").asText()).isEqualTo("io.corrigo.knn-learner");
        assertThat(knn.path("defaults").path("neighbours").asInt()).isEqualTo(3);

        Files.writeString(home.resolve("knn.yaml"), TINY.replace("name: tiny", "name: knn-study")
                .replace("  - id: bc\n    hiddenSizes: [32, 32]\n    endOfEpisodeUpdates: 50\n", "  - id: knn\n"));
        Distribution.Run run = Distribution.cli(home, "run", "knn.yaml", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json.readTree(run.out()).path("rows").get(0).path("learner").asText()).isEqualTo("knn");
    }

    @Test
    void theSameStudyAndSeedGiveTheSameNumbersInTwoProcesses() throws Exception {
        Files.writeString(home.resolve("tiny.yaml"), TINY);
        JsonNode first = json.readTree(Distribution.cli(home, "run", "tiny.yaml", "--json", "--set", "seeds=[5]").out());
        JsonNode second = json.readTree(Distribution.cli(home, "run", "tiny.yaml", "--json", "--set", "seeds=[5]").out());
        assertThat(second.path("rows")).isEqualTo(first.path("rows"));
    }
}
