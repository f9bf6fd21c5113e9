package io.corrigo.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as users run it: a second JVM on the assembled distribution. */
@Epic("Command line")
@Feature("run, validate, plugins, results")
class CommandLineIT {

    private static final String TINY = Distribution.TINY;

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
    void twoVersionsOfOneDropInAreBothListedWithAWarningAndTheHigherVersionIsUsed() throws Exception {
        Files.createDirectories(home.resolve("dropins"));
        Files.copy(Distribution.knnJar(), home.resolve("dropins/knn-learner.jar"), StandardCopyOption.REPLACE_EXISTING);
        withVersion(Distribution.knnJar(), home.resolve("dropins/knn-learner-9.jar"), "9.0.0");
        Distribution.Run plugins = Distribution.cli(home, "plugins", "--json");
        assertThat(plugins.exitCode()).as(plugins.err()).isZero();
        List<JsonNode> knn = withId(plugins, "knn");
        assertThat(knn).hasSize(2);
        JsonNode nine = knn.stream().filter(p -> p.path("version").asText().equals("9.0.0")).findFirst().orElseThrow();
        JsonNode old = knn.stream().filter(p -> !p.path("version").asText().equals("9.0.0")).findFirst().orElseThrow();
        assertThat(nine.path("warning").asText()).startsWith("'knn' is also provided by io.corrigo.knn-learner ")
                .endsWith("; this one is used (built-in before drop-in, then the higher bundle version)");
        assertThat(old.path("warning").asText()).startsWith("not used: 'knn' is also provided by io.corrigo.knn-learner 9.0.0");
        Distribution.Run text = Distribution.cli(home, "plugins");
        assertThat(text.out()).contains("Warnings (2):");
    }

    @Test
    void aDropInThatRegistersBcWithAHigherRankingDoesNotReplaceTheBuiltInUnlessAStudyPinsIt() throws Exception {
        Files.createDirectories(home.resolve("dropins"));
        impostor(Distribution.knnJar(), home.resolve("dropins/impostor.jar"));
        Distribution.Run plugins = Distribution.cli(home, "plugins", "--json");
        assertThat(plugins.exitCode()).as(plugins.err()).isZero();
        List<JsonNode> bc = withId(plugins, "bc");
        assertThat(bc).extracting(p -> p.path("bundle").asText()).containsExactlyInAnyOrder("io.corrigo.plugin-bc",
                "io.example.impostor");
        JsonNode impostor = bc.stream().filter(p -> p.path("bundle").asText().equals("io.example.impostor")).findFirst()
                .orElseThrow();
        assertThat(impostor.path("warning").asText()).startsWith("not used: 'bc' is also provided by io.corrigo.plugin-bc ")
                .contains("(built-in)");
        Files.writeString(home.resolve("tiny.yaml"), TINY.replace("seeds: [1, 2]", "seeds: [1]"));
        Distribution.Run run = Distribution.cli(home, "run", "tiny.yaml", "--json", "--no-server");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(manifestBundles(home.resolve("runs/corrigo.db"), "tiny")).contains("io.corrigo.plugin-bc ");

        Files.writeString(home.resolve("pinned.yaml"), TINY.replace("name: tiny", "name: pinned").replace("seeds: [1, 2]",
                "seeds: [1]").replace("  - id: bc\n    hiddenSizes: [32, 32]\n    endOfEpisodeUpdates: 50\n",
                "  - id: bc\n    bundle: io.example.impostor\n"));
        Distribution.Run pinned = Distribution.cli(home, "run", "pinned.yaml", "--json", "--no-server");
        assertThat(pinned.exitCode()).as(pinned.err()).isZero();
        assertThat(manifestBundles(home.resolve("runs/corrigo.db"), "pinned")).contains("io.example.impostor ")
                .doesNotContain("io.corrigo.plugin-bc");
    }

    /** The learners' bundles recorded in the manifest of the newest run of {@code study}. */
    private String manifestBundles(Path db, String study) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.PreparedStatement q = c.prepareStatement(
                     "SELECT manifest_json FROM studies WHERE name = ? ORDER BY id DESC LIMIT 1")) {
            q.setString(1, study);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                rs.next();
                StringBuilder bundles = new StringBuilder();
                json.readTree(rs.getString(1)).path("resolved").path("learners").forEach(l -> bundles.append(l.path("bundle").asText()).append('\n'));
                return bundles.toString();
            }
        }
    }

    @Test
    void aStudyIsRefusedWhenTwoDropInsTieForAnIdUntilItPinsOne() throws Exception {
        Files.createDirectories(home.resolve("dropins"));
        Files.copy(Distribution.knnJar(), home.resolve("dropins/knn-learner.jar"), StandardCopyOption.REPLACE_EXISTING);
        rewrite(Distribution.knnJar(), home.resolve("dropins/knn-copy.jar"),
                m -> m.getMainAttributes().putValue("Bundle-SymbolicName", "io.example.knn-copy"), xml -> xml);
        Files.writeString(home.resolve("knn.yaml"), TINY.replace("name: tiny", "name: knn-tie")
                .replace("  - id: bc\n    hiddenSizes: [32, 32]\n    endOfEpisodeUpdates: 50\n", "  - id: knn\n"));
        Distribution.Run tie = Distribution.cli(home, "validate", "knn.yaml");
        assertThat(tie.exitCode()).isEqualTo(2);
        assertThat(tie.err() + tie.out()).contains("'knn' is provided by bundles the rule cannot choose between")
                .contains("io.example.knn-copy").contains("Pin one: bundle:");
        Files.writeString(home.resolve("knn.yaml"), Files.readString(home.resolve("knn.yaml"))
                .replace("  - id: knn\n", "  - id: knn\n    bundle: io.example.knn-copy\n"));
        Distribution.Run pinned = Distribution.cli(home, "validate", "knn.yaml");
        assertThat(pinned.exitCode()).as(pinned.err()).isZero();
    }

    /** The rows of {@code plugins --json} output with plugin id {@code id}. */
    private List<JsonNode> withId(Distribution.Run plugins, String id) throws Exception {
        List<JsonNode> rows = new java.util.ArrayList<>();
        json.readTree(plugins.out()).path("plugins").forEach(p -> {
            if (p.path("id").asText().equals(id)) {
                rows.add(p);
            }
        });
        return rows;
    }

    /** A copy of {@code jar} whose manifest says {@code Bundle-Version: version}. */
    private static void withVersion(Path jar, Path target, String version) throws java.io.IOException {
        rewrite(jar, target, m -> m.getMainAttributes().putValue("Bundle-Version", version), xml -> xml);
    }

    /** The knn bundle renamed io.example.impostor, registering its provider as 'bc' with service.ranking 100. */
    private static void impostor(Path knn, Path target) throws java.io.IOException {
        rewrite(knn, target, m -> m.getMainAttributes().putValue("Bundle-SymbolicName", "io.example.impostor"),
                xml -> xml.replace("value=\"knn\"/>", "value=\"bc\"/>\n  <property name=\"service.ranking\" type=\"Integer\" value=\"100\"/>"));
    }

    private static void rewrite(Path jar, Path target, java.util.function.Consumer<java.util.jar.Manifest> manifestEdit,
                                java.util.function.UnaryOperator<String> componentEdit) throws java.io.IOException {
        try (java.util.jar.JarInputStream in = new java.util.jar.JarInputStream(Files.newInputStream(jar))) {
            java.util.jar.Manifest manifest = in.getManifest();
            manifestEdit.accept(manifest);
            try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(target), manifest)) {
                for (java.util.jar.JarEntry e; (e = in.getNextJarEntry()) != null; ) {
                    out.putNextEntry(new java.util.jar.JarEntry(e.getName()));
                    if (e.getName().startsWith("OSGI-INF/") && e.getName().endsWith(".xml")) {
                        String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        out.write(componentEdit.apply(xml).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    } else {
                        in.transferTo(out);
                    }
                }
            }
        }
    }

    @Test
    void theSameStudyAndSeedGiveTheSameNumbersInTwoProcesses() throws Exception {
        Files.writeString(home.resolve("tiny.yaml"), TINY);
        JsonNode first = json.readTree(Distribution.cli(home, "run", "tiny.yaml", "--json", "--set", "seeds=[5]").out());
        JsonNode second = json.readTree(Distribution.cli(home, "run", "tiny.yaml", "--json", "--set", "seeds=[5]").out());
        assertThat(second.path("rows")).isEqualTo(first.path("rows"));
    }
}
