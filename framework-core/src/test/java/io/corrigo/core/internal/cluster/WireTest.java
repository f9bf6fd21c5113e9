package io.corrigo.core.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.core.internal.fixtures.TestCatalog;
import io.corrigo.core.internal.run.Effort;
import io.corrigo.core.internal.run.EvaluationPoint;
import io.corrigo.core.internal.run.MetricPoint;
import io.corrigo.core.internal.run.Planner;
import io.corrigo.core.internal.run.Rollout;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.run.TrialResult;
import io.corrigo.core.internal.spec.StudyLoader;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Epic("Robustness")
@Feature("Cluster")
class WireTest {

    @TempDir
    Path dir;

    private final Trial trial = Planner.plan(new StudyLoader(TestCatalog.standard()).loadText("w.yaml", """
            name: w
            seeds: [4]
            environments: [{id: line}]
            feedback: [{id: oracle}]
            learners: [{id: table}]
            """, List.of())).get(0);

    @Test
    void aTrialResultCrossesTheWireUnchanged() {
        EvaluationPoint point = new EvaluationPoint(5, 10, 7, -1.25, 0.875, new Effort(100, 12, 9, 2), Map.of("left", 4));
        TrialResult result = new TrialResult(trial, List.of(point),
                List.of(new MetricPoint(1, "loss", 0.5, 3, "nats"), new MetricPoint(1, "labels", 4, 1)),
                new Effort(120, 14, 10, 2), 4321, Map.of("note", "calibrated"),
                List.of(new Rollout("evaluation", 5, 2, true, "[{\"t\":0},{\"t\":1}]")));

        assertThat(Wire.result(trial, Wire.result(result))).isEqualTo(result);
        assertThat(Wire.point(Wire.point(point))).isEqualTo(point);
        assertThat(Wire.metrics(Wire.metrics(result.metrics()))).isEqualTo(result.metrics());
        assertThat(Wire.rollout(Wire.rollout(result.rollouts().get(0)))).isEqualTo(result.rollouts().get(0));
    }

    @Test
    void aMalformedResultIsRefusedWithWhatWasWrong() {
        assertThatThrownBy(() -> Wire.result(trial, "{\"evaluations\": 3}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a malformed ResultBody from a worker");
    }

    @Test
    void aSavedPolicyIsPackedAndUnpackedFileForFile() throws Exception {
        Path policy = Files.createDirectories(dir.resolve("policy/sub"));
        Files.writeString(dir.resolve("policy/config.json"), "{\"a\":1}");
        Files.write(policy.resolve("weights.bin"), new byte[]{1, 2, 3, 4});

        Path out = dir.resolve("out");
        Wire.unzip(Wire.zip(dir.resolve("policy")), out);

        assertThat(Files.readString(out.resolve("config.json"))).isEqualTo("{\"a\":1}");
        assertThat(Files.readAllBytes(out.resolve("sub/weights.bin"))).containsExactly(1, 2, 3, 4);
        assertThat(Wire.zip(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void anEntryThatWouldLandOutsideTheTargetIsSkipped() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../escaped.txt"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("kept.txt"));
            zip.write("y".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path out = Files.createDirectories(dir.resolve("a/b"));
        Wire.unzip(bytes.toByteArray(), out);

        assertThat(dir.resolve("a/escaped.txt")).doesNotExist();
        assertThat(out.resolve("kept.txt")).hasContent("y");
    }
}
