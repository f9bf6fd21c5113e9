package io.corrigo.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.core.internal.osgi.FelixHost;
import io.corrigo.core.internal.plugin.PluginKind;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A plugin author's first fifteen minutes, outside this repository: generate a project from an
 * archetype with a groupId and version of one's own, build it offline against the published
 * artifacts only (its contract tests, then its StudyIT, which runs the project's study in a real
 * host with the jar dropped in), and drop the jar into a running host.
 */
@Epic("Plugins")
@Feature("Archetypes")
class ArchetypeIT {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} archetype")
    @CsvSource({"learner, LEARNER, stranger-ridge", "environment, ENVIRONMENT, stranger-line", "feedback, FEEDBACK, stranger-late"})
    void aGeneratedProjectBuildsOfflineAgainstThePublishedApiAndItsBundleRunsInAStudy(String kind, PluginKind pluginKind,
                                                                                        String pluginId) throws Exception {
        PublishedRepository repo = PublishedRepository.create(dir.resolve("m2"));
        for (Path pom : repo.poms()) {
            assertThat(Files.readString(pom)).as("%s stands alone", pom.getFileName()).doesNotContain("<parent>")
                    .doesNotContain("SNAPSHOT");
        }
        Path work = Files.createDirectories(dir.resolve("work"));
        String artifact = "stranger-" + kind;
        repo.maven(work, "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate", "-DarchetypeGroupId=io.corrigo",
                "-DarchetypeArtifactId=corrigo-" + kind + "-archetype", "-DarchetypeVersion=" + PublishedRepository.VERSION,
                "-DgroupId=org.example.stranger", "-DartifactId=" + artifact, "-Dversion=2.3.0",
                "-Dpackage=org.example.stranger." + kind, "-DpluginId=" + pluginId, "-DinteractiveMode=false");
        Path project = work.resolve(artifact);
        // verify: the contract tests, then the jar, then StudyIT runs the project's study in a real host (HostStudy)
        Path checkout = Distribution.checkout(dir.resolve("corrigo"));
        String build = repo.maven(project, Map.of("CORRIGO", checkout.toString(), "CORRIGO_SKIP_BUILD", "1"), "verify");
        assertThat(build).as("the contract tests ran and passed").containsPattern("Tests run: [1-9][0-9]*, Failures: 0, Errors: 0");
        assertThat(build).as("StudyIT ran its study in the host").containsPattern(
                "Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [0-9.]+ s -- in org\\.example\\.stranger\\." + kind + "\\.StudyIT");
        Path jar = project.resolve("target/" + artifact + "-2.3.0.jar");
        assertThat(jar).isRegularFile();

        Path dropins = Files.createDirectories(dir.resolve("host-dropins"));
        try (FelixHost host = FelixHost.start(Distribution.bundles(), dropins, Duration.ofMillis(200))) {
            Files.copy(jar, dropins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            assertThat(await(host, pluginKind, pluginId)).as("the running host found %s", pluginId).isPresent();
            assertThat(host.catalog().bundleOf(pluginKind, pluginId)).hasValueSatisfying(
                    b -> assertThat(b).startsWith("org.example.stranger." + artifact + " 2.3.0"));
        }
    }

    private static Optional<?> await(FelixHost host, PluginKind kind, String id) throws InterruptedException {
        for (int i = 0; i < 150 && host.catalog().find(kind, id).isEmpty(); i++) {
            Thread.sleep(100);
        }
        return host.catalog().find(kind, id);
    }
}
