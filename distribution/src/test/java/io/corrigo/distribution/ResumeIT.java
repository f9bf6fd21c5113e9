package io.corrigo.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code resume} and {@code run --resume} on real processes: a host killed with SIGKILL mid-study, then continued. */
@Epic("Command line")
@Feature("Resume")
class ResumeIT {

    private static final String STUDY = Distribution.TINY.replace("name: tiny", "name: resumable")
            .replace("episodes: 3, evalEvery: 3", "episodes: 12, evalEvery: 4");

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path killed;

    @TempDir
    Path uninterrupted;

    @Test
    void aStudyKilledMidwayResumesWithEveryTrialOnceAndTheTableOfAnUninterruptedRun() throws Exception {
        Files.writeString(killed.resolve("resumable.yaml"), STUDY);
        Path err = killed.resolve("killed.err");
        Process run = Distribution.start(killed, killed.resolve("killed.out"), err, "run", "resumable.yaml", "--no-server",
                "--workers", "1", "--set", "budget.evalEpisodes=6");
        try {
            Distribution.awaitLine(err, "[1/4]", run);
        } finally {
            run.destroyForcibly();   // SIGKILL: the store is left saying "running", one trial done, one midway
            assertThat(run.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        List<String> before = StoreRows.trialKeys(killed, "done");
        assertThat(before).isNotEmpty().hasSizeLessThan(4);

        Distribution.Run again = Distribution.cli(killed, "run", "resumable.yaml", "--no-server", "--workers", "1",
                "--resume");
        assertThat(again.exitCode()).as("a changed --set is refused").isEqualTo(2);
        assertThat(again.err()).contains("differ from those run #1", "./corrigo resume resumable");

        Distribution.Run resumed = Distribution.cli(killed, "resume", "resumable", "--no-server", "--json");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("Resuming run #1 of 'resumable' (interrupted): " + (4 - before.size()) + " of 4");
        JsonNode result = json.readTree(resumed.out());
        assertThat(result.path("study").path("run").asInt()).isEqualTo(1);
        assertThat(result.path("study").path("state").asText()).isEqualTo("finished");
        List<String> after = StoreRows.trialKeys(killed, "done");
        assertThat(after).hasSize(4).doesNotHaveDuplicates().containsAll(before);
        assertThat(StoreRows.count(killed, "studies")).isEqualTo(1);
        assertThat(StoreRows.count(killed, "evaluations")).isPositive();

        Files.writeString(uninterrupted.resolve("resumable.yaml"), STUDY);
        Distribution.Run whole = Distribution.cli(uninterrupted, "run", "resumable.yaml", "--no-server", "--json",
                "--set", "budget.evalEpisodes=6");
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        assertThat(result.path("rows")).isEqualTo(json.readTree(whole.out()).path("rows"));
        for (String table : List.of("evaluations", "metrics", "rollouts")) {
            assertThat(StoreRows.count(killed, table)).as(table)
                    .isEqualTo(StoreRows.count(uninterrupted, table));
        }

        Distribution.Run nothingLeft = Distribution.cli(killed, "resume", "resumable");
        assertThat(nothingLeft.exitCode()).isEqualTo(2);
        assertThat(nothingLeft.err()).contains("run #1 of 'resumable' is finished, so there is nothing to resume")
                .doesNotContain("Exception");
    }

    @Test
    void runNamesTheResumableRunAndResumeOfAnUnknownStudyListsTheStoredOnes() throws Exception {
        Files.writeString(killed.resolve("resumable.yaml"), STUDY);
        Process run = Distribution.start(killed, killed.resolve("k.out"), killed.resolve("k.err"), "run", "resumable.yaml",
                "--no-server", "--workers", "1");
        try {
            Distribution.awaitLine(killed.resolve("k.err"), "[1/4]", run);
        } finally {
            run.destroyForcibly();
            assertThat(run.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        Distribution.Run unknown = Distribution.cli(killed, "resume", "resumabel");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no stored study named 'resumabel'", "Stored: resumable");
        Distribution.Run fresh = Distribution.cli(killed, "run", "resumable.yaml", "--no-server", "--set",
                "budget.episodes=1", "--set", "budget.evalEvery=1");
        assertThat(fresh.exitCode()).as(fresh.err()).isZero();
        assertThat(fresh.err()).contains("Note: run #1 of 'resumable' is interrupted with 1 of 4 trials finished; this"
                + " starts a new run. To continue that one instead: ./corrigo resume resumable");
    }
}
