package io.corrigo.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.PluginProvider;
import io.corrigo.core.internal.osgi.BundleStatus;
import io.corrigo.core.internal.osgi.FelixHost;
import io.corrigo.core.internal.plugin.PluginKind;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Epic("Plugin host")
@Feature("Felix with the real bundles")
class PluginHostIT {

    @TempDir
    Path dropins;

    @Test
    void everyBundledBundleResolvesAndEveryProviderRegistersWithItsId() {
        try (FelixHost host = FelixHost.start(Distribution.bundles(), dropins, Duration.ofMillis(200))) {
            assertThat(host.bundles()).isNotEmpty().allSatisfy(b -> {
                assertThat(b.state()).as(b.symbolicName()).isEqualTo("ACTIVE");
                assertThat(b.problem()).as(b.symbolicName()).isEmpty();
            });
            assertThat(host.bundles()).extracting(BundleStatus::symbolicName).contains("org.apache.felix.scr",
                    "io.corrigo.framework-djl", "io.corrigo.env-toys", "io.corrigo.env-classic", "io.corrigo.env-pusht",
                    "io.corrigo.feedback-oracle", "io.corrigo.plugin-bc");
            assertThat(host.catalog().ids(PluginKind.ENVIRONMENT)).contains("two-route", "particle", "toy-ball", "toy-square",
                    "toy-two-circles", "line-following", "line-following-2", "pendulum", "cartpole", "reacher", "push-t");
            assertThat(host.catalog().ids(PluginKind.FEEDBACK)).contains("absolute", "relative", "partial", "action-distance",
                    "value", "random", "dagger");
            assertThat(host.catalog().ids(PluginKind.FEEDBACK)).contains("absolute");
            assertThat(host.catalog().ids(PluginKind.LEARNER)).contains("bc", "ibc", "clic-half", "clic-circular", "clic-explicit", "diffusion", "rlif");
            for (PluginKind kind : PluginKind.values()) {
                for (String id : host.catalog().ids(kind)) {
                    PluginProvider<?> p = host.catalog().find(kind, id).orElseThrow();
                    assertThat(kind.service()).isAssignableFrom(p.getClass());
                    assertThat(p.defaultConfig()).isInstanceOf(p.configType());
                    assertThat(p.description()).isNotBlank();
                }
            }
        }
    }

    @Test
    void aBundleDroppedInWhileTheHostRunsAppearsAndDisappearsWithoutARestart() throws Exception {
        try (FelixHost host = FelixHost.start(Distribution.bundles(), dropins, Duration.ofMillis(200))) {
            assertThat(host.catalog().find(PluginKind.LEARNER, "knn")).isEmpty();
            Files.copy(Distribution.knnJar(), dropins.resolve("knn.jar"), StandardCopyOption.REPLACE_EXISTING);
            assertThat(waitFor(host, "knn", true)).isPresent();
            assertThat(host.catalog().bundleOf(PluginKind.LEARNER, "knn")).hasValueSatisfying(
                    b -> assertThat(b).startsWith("io.corrigo.knn-learner "));
            Files.delete(dropins.resolve("knn.jar"));
            assertThat(waitFor(host, "knn", false)).isEmpty();
        }
    }

    @Test
    void aDropInThatCannotResolveIsListedWithTheReasonAndTheHostKeepsWorking() throws Exception {
        TestBundles.broken(dropins.resolve("broken.jar"));
        try (FelixHost host = FelixHost.start(Distribution.bundles(), dropins, Duration.ofMillis(200))) {
            BundleStatus broken = host.bundles().stream().filter(b -> b.file().equals("broken.jar")).findFirst().orElseThrow();
            assertThat(broken.origin()).isEqualTo("dropins");
            assertThat(broken.state()).isNotEqualTo("ACTIVE");
            assertThat(broken.problem()).hasValueSatisfying(p -> assertThat(p).contains("needs io.example.nowhere"
                    + " [1.0.0,2.0.0), which neither the host nor an installed bundle exports"));
            assertThat(host.catalog().ids(PluginKind.LEARNER)).contains("bc");
        }
    }

    @Test
    void aBundleBuiltAgainstAnotherMajorVersionOfTheApiIsRefusedSayingWhichVersionsMeet() throws Exception {
        Path home = dropins.resolve("home");
        Path folder = Files.createDirectories(home.resolve("dropins"));
        TestBundles.futureApi(folder.resolve("future.jar"));
        try (FelixHost host = FelixHost.start(Distribution.bundles(), folder, Duration.ofMillis(200))) {
            BundleStatus future = host.bundles().stream().filter(b -> b.file().equals("future.jar")).findFirst().orElseThrow();
            assertThat(future.state()).isNotEqualTo("ACTIVE");
            assertThat(future.problem()).hasValueSatisfying(p -> assertThat(p).matches(
                    "needs io\\.corrigo\\.api\\.learner \\[2\\.0\\.0,3\\.0\\.0\\), the host provides 1\\.\\d+\\.\\d+: the"
                            + " bundle needs a newer Corrigo API than this host has \\(framework-api\\); update Corrigo,"
                            + " or rebuild the bundle against this one \\(Felix: .*"));
        }
        Distribution.Run plugins = Distribution.cli(home, "plugins");
        assertThat(plugins.out() + plugins.err()).contains("needs io.corrigo.api.learner [2.0.0,3.0.0), the host provides 1.");
    }

    @Test
    void aPlainJarInDropinsIsListedAsNotABundleAndNeverInstalled() throws Exception {
        Path plain = dropins.resolve("plain.jar");
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(plain), manifest)) {
            out.putNextEntry(new java.util.zip.ZipEntry("org/example/Thing.txt"));
            out.write("not a class".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (FelixHost host = FelixHost.start(Distribution.bundles(), dropins, Duration.ofMillis(200))) {
            BundleStatus listed = host.bundles().stream().filter(b -> b.file().equals("plain.jar")).findFirst().orElseThrow();
            assertThat(listed.state()).isEqualTo("NOT-A-BUNDLE");
            assertThat(listed.symbolicName()).isEqualTo("plain.jar");
            assertThat(listed.problem()).hasValueSatisfying(p -> assertThat(p).contains("no Bundle-SymbolicName"));
            assertThat(host.bundles()).as("installed under its location").filteredOn(b -> b.symbolicName().startsWith("file:"))
                    .isEmpty();
            assertThat(host.catalog().ids(PluginKind.LEARNER)).contains("bc");
        }
    }

    private static Optional<PluginProvider<?>> waitFor(FelixHost host, String id, boolean present) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            Optional<PluginProvider<?>> p = host.catalog().find(PluginKind.LEARNER, id);
            if (p.isPresent() == present) {
                return p;
            }
            Thread.sleep(100);
        }
        return host.catalog().find(PluginKind.LEARNER, id);
    }
}
