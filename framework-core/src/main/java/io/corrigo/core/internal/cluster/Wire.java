package io.corrigo.core.internal.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.corrigo.core.internal.run.Effort;
import io.corrigo.core.internal.run.EvaluationPoint;
import io.corrigo.core.internal.run.MetricPoint;
import io.corrigo.core.internal.run.Rollout;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.run.TrialResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** What crosses the event bus besides the envelopes: trial results, evaluation points and saved policies. */
final class Wire {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The largest saved policy a worker sends back (zipped). */
    static final int MAX_POLICY_BYTES = 64 * 1024 * 1024;

    private Wire() {
    }

    /** A trial result without its trial (the coordinator knows the trial by its attempt). */
    record ResultBody(List<EvaluationPoint> evaluations, List<MetricPoint> metrics, Effort effort, long wallMillis,
                      Map<String, String> notes, List<Rollout> rollouts) {
    }

    static String result(TrialResult r) {
        return write(new ResultBody(r.evaluations(), r.metrics(), r.effort(), r.wallMillis(), r.notes(), r.rollouts()));
    }

    static TrialResult result(Trial trial, String json) {
        ResultBody b = read(json, ResultBody.class);
        return new TrialResult(trial, b.evaluations(), b.metrics(), b.effort(), b.wallMillis(), b.notes(), b.rollouts());
    }

    static String metrics(List<MetricPoint> points) {
        return write(points);
    }

    static List<MetricPoint> metrics(String json) {
        return List.of(read(json, MetricPoint[].class));
    }

    static String rollout(Rollout r) {
        return write(r);
    }

    static Rollout rollout(String json) {
        return read(json, Rollout.class);
    }

    static String point(EvaluationPoint p) {
        return write(p);
    }

    static EvaluationPoint point(String json) {
        return read(json, EvaluationPoint.class);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a malformed " + type.getSimpleName() + " from a worker: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The files under {@code dir} as a zip (empty array if {@code dir} does not exist). */
    static byte[] zip(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new byte[0];
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + dir, e);
        }
        return bytes.toByteArray();
    }

    /** Unpacks {@link #zip} output into {@code dir}; entries that would land outside it are refused. */
    static void unzip(byte[] zipped, Path dir) {
        if (zipped.length == 0) {
            return;
        }
        Path root = dir.toAbsolutePath().normalize();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipped))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root) || e.isDirectory()) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(zip, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack a saved policy into " + dir, e);
        }
    }
}
