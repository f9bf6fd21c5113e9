package io.corrigo.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replacing a drop-in's jar while a study runs, in a real host process: the running trial finishes
 * with the version it started with, the next trial runs the new one, and each trial's notes say
 * which bundle version it ran.
 */
@Epic("Plugins")
@Feature("Hot swap")
class HotSwapIT {

    private static final String STUDY = """
            name: swap
            seeds: [1, 2]
            budget: {episodes: 2, evalEvery: 2, evalEpisodes: 1}
            environments:
              - id: two-route
            feedback:
              - id: absolute
            learners:
              - id: sleepy
                hangAtStep: 100000000
                stepMillis: 15
            """;

    @TempDir
    Path home;

    @Test
    void aJarReplacedDuringAStudyServesTheTrialsThatStartAfterwardsAndEachTrialRecordsItsVersion() throws Exception {
        Path dropins = Files.createDirectories(home.resolve("dropins"));
        TestBundles.sleepy(dropins.resolve("sleepy.jar"), "1.0.0");
        Files.writeString(home.resolve("swap.yaml"), STUDY);
        Path err = home.resolve("swap.err");
        Process run = Distribution.start(home, home.resolve("swap.out"), err, "run", "swap.yaml", "--no-server", "--workers", "1");
        try {
            Distribution.awaitLine(err, "Study 'swap'", run);
            for (int i = 0; i < 300 && StoreRows.trialKeys(home, "running").isEmpty(); i++) {
                Thread.sleep(100);
            }
            assertThat(StoreRows.trialKeys(home, "running")).as("the first trial runs").hasSize(1);
            Path next = TestBundles.sleepy(home.resolve("sleepy-2.part"), "2.0.0");
            Files.move(next, dropins.resolve("sleepy.jar"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            assertThat(StoreRows.trialKeys(home, "done")).as("swapped while the first trial ran").isEmpty();
            assertThat(run.waitFor(3, TimeUnit.MINUTES)).isTrue();
        } finally {
            run.destroyForcibly();
        }
        assertThat(run.exitValue()).as(Files.readString(err)).isZero();
        assertThat(StoreRows.trialKeys(home, "done")).as("the first trial loads a class of 1.0.0 after the swap")
                .hasSize(2);
        List<String> notes = StoreRows.column(home, "SELECT notes_json FROM trials WHERE study_id = 1 ORDER BY idx");
        assertThat(notes.get(0)).as("the trial running during the swap").contains("\"bundle.learner\":\"io.example.sleepy 1.0.0\"");
        assertThat(notes.get(1)).as("the trial after it").contains("\"bundle.learner\":\"io.example.sleepy 2.0.0\"");
        assertThat(notes.get(0)).contains("\"bundle.environment\":\"io.corrigo.env-toys");
    }
}
