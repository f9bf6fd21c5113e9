package io.corrigo.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A drop-in whose {@code act()} never returns, in a real host process: its trials fail, the study goes on or stops. */
@Epic("Robustness")
@Feature("Hung plugins")
class HungPluginIT {

    private static final String STUDY = Distribution.TINY.replace("name: tiny", "name: hung")
            .replace("budget: {", "budget: {trialTimeLimit: 8, ").replace("""
            learners:
            """, """
            learners:
              - id: sleepy
                hangAtStep: 30
            """);

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path home;

    @BeforeEach
    void dropInTheSleepyBundle() throws Exception {
        Files.createDirectories(home.resolve("dropins"));
        TestBundles.sleepy(home.resolve("dropins/sleepy.jar"));
        Files.writeString(home.resolve("hung.yaml"), STUDY);
    }

    @Test
    void aLearnerThatHangsInActFailsItsTrialsWithTheReasonAndTheOtherTrialsFinish() throws Exception {
        long t0 = System.nanoTime();
        Distribution.Run run = Distribution.cli(home, "run", "hung.yaml", "--no-server", "--json", "--workers", "2");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode result = json.readTree(run.out());
        assertThat(result.path("study").path("state").asText()).isEqualTo("failed");
        int sleepyFailed = 0;
        for (JsonNode row : result.path("rows")) {
            if (row.path("learner").asText().equals("sleepy")) {
                assertThat(row.path("seedsFailed").asInt()).isEqualTo(2);
                sleepyFailed += row.path("seedsFailed").asInt();
            } else {
                assertThat(row.path("seedsFinished").asInt()).as(row.toString()).isEqualTo(2);
            }
        }
        assertThat(sleepyFailed).isEqualTo(4);
        assertThat(result.path("failures")).hasSize(4);
        for (JsonNode failure : result.path("failures")) {
            assertThat(failure.path("error").asText())
                    .contains("timed out in SleepyLearner.act() after 8 s at evaluation after episode 0, step 30")
                    .contains("io.corrigo.distribution.sleepy.SleepyLearner.act(");
        }
        // four hung trials of 8 s on two workers, plus four short bc trials and the host's start-up
        assertThat(seconds).as("the study does not wait for the hung calls").isLessThan(120);
    }

    @Test
    void sigtermStopsARunWhosePluginHangsWithinSecondsAndStoresWhyEachTrialStopped() throws Exception {
        Files.writeString(home.resolve("hung.yaml"), STUDY.replace("trialTimeLimit: 8", "trialTimeLimit: 600"));
        Path err = home.resolve("hung.err");
        Process run = Distribution.start(home, home.resolve("hung.out"), err, "run", "hung.yaml", "--no-server",
                "--workers", "2");
        Distribution.awaitLine(err, "Study 'hung': 8 trials", run);
        Thread.sleep(8_000);   // both workers are on trials by now, the sleepy ones hung at their 30th step
        long t0 = System.nanoTime();
        run.destroy();   // SIGTERM
        assertThat(run.waitFor(40, TimeUnit.SECONDS)).as("stopped within the stop grace").isTrue();
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(40);
        assertThat(run.exitValue()).as("128 + SIGTERM, as for any process ended by the signal").isEqualTo(143);
        Distribution.Run stored = Distribution.cli(home, "results", "hung", "--json");
        JsonNode result = json.readTree(stored.out());
        assertThat(result.path("study").path("state").asText()).isEqualTo("cancelled");
        assertThat(count(home, "SELECT COUNT(*) FROM trials WHERE state = 'cancelled' AND (error IS NULL OR error = '')"))
                .as("every unfinished trial says why").isZero();
        assertThat(count(home, "SELECT COUNT(*) FROM trials WHERE state = 'cancelled'")).isPositive();
        assertThat(count(home, "SELECT COUNT(*) FROM trials WHERE state IN ('pending', 'running')")).isZero();
    }

    private static long count(Path home, String sql) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve("runs/corrigo.db"));
             java.sql.ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
