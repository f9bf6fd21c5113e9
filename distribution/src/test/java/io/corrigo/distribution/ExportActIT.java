package io.corrigo.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trained learner leaves its study: {@code export} a finished trial, {@code act} on JSON lines in a new process. */
@Epic("Command line")
@Feature("Export and act")
class ExportActIT {

    private static final String TRIAL = "two-route/accurate/bc/seed-1";

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void anExportedLearnerActsOnJsonLinesTheSameWayEveryTimeAndNamesBadLines() throws Exception {
        Files.writeString(home.resolve("tiny.yaml"), Distribution.TINY.replace("seeds: [1, 2]", "seeds: [1]"));
        Distribution.Run run = Distribution.cli(home, "run", "tiny.yaml", "--no-server");
        assertThat(run.exitCode()).as(run.err()).isZero();

        Distribution.Run unknown = Distribution.cli(home, "export", "tiny", "--trial", "two-route/accurate/bc/seed-9",
                "--out", "policy");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("has no trial 'two-route/accurate/bc/seed-9'", TRIAL);

        Distribution.Run export = Distribution.cli(home, "export", "tiny", "--trial", TRIAL, "--out", "policy");
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.err()).contains("Act with it: ./corrigo act policy");
        assertThat(home.resolve("policy/state")).isDirectoryContaining(p -> p.getFileName().toString().equals("policy.bin"));

        String input = "[0.1, 0.2]\n{\"observation\": [0.1, 0.2]}\n{\"reset\": true}\n[1, 2, 3, 4]\nnot json\n";
        List<String> first = act(input);
        assertThat(first).hasSize(5);
        JsonNode a = json.readTree(first.get(0));
        assertThat(a.path("action")).hasSize(2);
        for (JsonNode v : a.path("action")) {
            assertThat(v.isNumber()).isTrue();
            assertThat(v.asDouble()).isFinite();
        }
        assertThat(first.get(1)).isEqualTo(first.get(0));
        assertThat(first.get(2)).isEqualTo("{\"reset\":true}");
        assertThat(json.readTree(first.get(3)).path("error").asText()).contains("line 4", "expected an observation of 2 numbers but got 4");
        assertThat(json.readTree(first.get(4)).path("error").asText()).contains("line 5");
        assertThat(act(input)).as("a second process acts the same").isEqualTo(first);
    }

    private List<String> act(String input) throws Exception {
        Path out = Files.createTempFile(home, "act", ".out");
        Path err = Files.createTempFile(home, "act", ".err");
        Process p = Distribution.start(home, out, err, "act", "policy");
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isEqualTo(2);   // the two bad lines
        assertThat(Files.readString(err)).contains("Acting as learner 'bc' of trial " + TRIAL);
        return Files.readAllLines(out);
    }
}
