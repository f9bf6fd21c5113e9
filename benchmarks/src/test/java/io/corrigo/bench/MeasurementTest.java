package io.corrigo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Epic("Benchmarks")
@Feature("Suite report")
class MeasurementTest {

    @Test
    void readsJmhSampleResultsUnderTheKeysThePythonReferenceUses() throws Exception {
        Path file = Path.of(MeasurementTest.class.getResource("jmh-sample.json").toURI());
        Map<String, Measurement> rows = Measurement.readJmh(file);
        assertThat(rows).containsOnlyKeys("GemmBench.product", "MlpBench.trainStep batch=32");
        Measurement step = rows.get("MlpBench.trainStep batch=32");
        assertThat(step.p50()).isEqualTo(851.456);
        assertThat(step.n()).as("calls summed over the iterations' histograms").isEqualTo(9);
        assertThat(step.p99()).isGreaterThan(step.p50());
    }

    @Test
    void readsThePythonReferencesOutput(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("py.json");
        Files.writeString(file, """
                {"torch": "1.13.0a0", "rows": [{"key": "PredictBench.predictOne", "p50": 21.5, "p99": 80.0,
                 "mean": 30.1, "n": 12000}]}""");
        assertThat(Measurement.readPython(file)).containsEntry("PredictBench.predictOne",
                new Measurement("PredictBench.predictOne", 21.5, 80.0, 30.1, 12000));
        assertThat(Measurement.torchVersion(file)).isEqualTo("1.13.0a0");
    }

    @Test
    void thePythonReferenceHasExactlyTheSuitesRowsThatHaveAPythonCounterpart() throws Exception {
        String script = Files.readString(pythonScript());
        Matcher m = Pattern.compile("\"(\\w+Bench\\.[^\"]+)\": ").matcher(script);
        Set<String> python = new TreeSet<>();
        while (m.find()) {
            python.add(m.group(1));
        }
        Set<String> suite = new TreeSet<>(Row.all().stream().filter(Row::python).map(Row::key).toList());
        suite.addAll(Row.kernels().stream().filter(Row::python).map(Row::key).toList());
        assertThat(python).isEqualTo(suite);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Measurement.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Measurement.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
        assertThat(Measurement.median(List.of())).isNaN();
    }

    private static Path pythonScript() throws URISyntaxException {
        return Path.of(PythonReference.class.getResource("torch_reference.py").toURI());
    }
}
