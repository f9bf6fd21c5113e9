package io.corrigo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row's timing from one process, in microseconds per call.
 *
 * @param key   the row's key (see {@link Row})
 * @param p50   median time per call
 * @param p99   99th percentile
 * @param mean  mean time per call
 * @param n     number of timed calls
 */
record Measurement(String key, double p50, double p99, double mean, long n) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PACKAGE = "io.corrigo.bench.";

    /** Reads a JMH result file written with {@code -bm sample -tu us -rf json}. */
    static Map<String, Measurement> readJmh(Path file) throws IOException {
        Map<String, Measurement> out = new LinkedHashMap<>();
        for (JsonNode result : JSON.readTree(file.toFile())) {
            String name = result.path("benchmark").asText();
            StringBuilder key = new StringBuilder(name.startsWith(PACKAGE) ? name.substring(PACKAGE.length()) : name);
            Map<String, String> params = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = result.path("params").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                params.put(p.getKey(), p.getValue().asText());
            }
            params.forEach((k, v) -> key.append(' ').append(k).append('=').append(v));
            JsonNode metric = result.path("primaryMetric");
            if (!"us/op".equals(metric.path("scoreUnit").asText())) {
                throw new IOException("expected us/op in " + file + ", found " + metric.path("scoreUnit").asText());
            }
            JsonNode percentiles = metric.path("scorePercentiles");
            long n = 0;
            for (JsonNode iteration : metric.path("rawDataHistogram")) {
                for (JsonNode bucket : iteration) {
                    for (JsonNode pair : bucket) {
                        n += pair.path(1).asLong();
                    }
                }
            }
            out.put(key.toString(), new Measurement(key.toString(), percentiles.path("50.0").asDouble(),
                    percentiles.path("99.0").asDouble(), metric.path("score").asDouble(), n));
        }
        return out;
    }

    /** The torch version recorded in a file written by {@code torch_reference.py}. */
    static String torchVersion(Path file) throws IOException {
        return JSON.readTree(file.toFile()).path("torch").asText();
    }

    /** Reads the JSON written by {@code torch_reference.py}. */
    static Map<String, Measurement> readPython(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        Map<String, Measurement> out = new LinkedHashMap<>();
        for (JsonNode row : root.path("rows")) {
            String key = row.path("key").asText();
            out.put(key, new Measurement(key, row.path("p50").asDouble(), row.path("p99").asDouble(),
                    row.path("mean").asDouble(), row.path("n").asLong()));
        }
        return out;
    }

    /** Median of the values (mean of the middle two for an even count); NaN when empty. */
    static double median(java.util.List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        ArrayList<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }
}
