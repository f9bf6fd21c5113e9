package io.corrigo.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A purely offline study through the real host: the demonstration phase, diffusion and the modes. */
@Epic("Studies")
@Feature("Demonstrations")
class DemonstrationsIT {

    private static final String OFFLINE = """
            name: offline
            seeds: [4]
            demonstrations: {episodes: 6, offlineUpdates: 40, record: 3}
            budget: {episodes: 0, evalEpisodes: 6}
            environments:
              - id: two-route
                expertRoute: random
            feedback:
              - id: absolute
                label: teacher
            learners:
              - id: bc
                hiddenSizes: [32, 32]
              - id: diffusion
                mlpWidth: 32
                mlpBlocks: 1
                batchSize: 32
                minBufferSize: 8
                predictionHorizon: 4
                executionHorizon: 2
            """;

    @TempDir
    Path home;

    @Test
    void everyLearnerLearnsFromTheSameRecordedDemonstrationsAndTheRoutesAreCounted() throws Exception {
        Files.writeString(home.resolve("offline.yaml"), OFFLINE);
        Distribution.Run run = Distribution.cli(home, "run", "offline.yaml", "--json", "--no-server");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.path("rows")).hasSize(2);
        for (JsonNode row : result.path("rows")) {
            assertThat(row.path("seedsFinished").asInt()).as(row.toString()).isEqualTo(1);
            assertThat(row.path("teacherSteps").asDouble()).as("demonstration steps count as teacher steps").isPositive();
            int routes = 0;
            for (var modes = row.path("finalModes").fields(); modes.hasNext(); ) {
                var mode = modes.next();
                assertThat(mode.getKey()).isIn("left", "right", "undecided");
                routes += mode.getValue().asInt();
            }
            assertThat(routes).as("every evaluation rollout ends in a mode").isEqualTo(6);
        }
        Map<String, List<String>> demonstrations = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("runs/corrigo.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT t.learner, r.frames_json FROM rollouts r JOIN trials t ON t.id = r.trial_id"
                     + " WHERE r.kind = 'demonstration' ORDER BY t.learner, r.episode")) {
            while (rs.next()) {
                demonstrations.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        assertThat(demonstrations.keySet()).containsExactly("bc", "diffusion");
        assertThat(demonstrations.get("bc")).hasSize(3).isEqualTo(demonstrations.get("diffusion"));
        assertThat(demonstrations.get("bc").get(0)).contains("\"executedBy\":\"teacher\"");
        Distribution.Run text = Distribution.cli(home, "results", "offline");
        assertThat(text.out()).contains("Modes of the final evaluation's rollouts", "two-route / teacher / diffusion");
    }
}
