package io.corrigo.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a small study in a real Corrigo host with the bundle under test dropped in: the host's own
 * process, its OSGi framework, its plugins and its store, as {@code ./corrigo run} runs them. For a
 * plugin's integration tests ({@code *IT}, after {@code package} has built the bundle):
 *
 * <pre>{@code
 * HostStudy.Result r = HostStudy.run(HostStudy.bundleUnderTest(), Files.readString(Path.of("study.yaml")));
 * assertThat(r.exitCode()).as(r.err()).isZero();
 * assertThat(r.out()).contains("my-ridge");
 * }</pre>
 *
 * The host is found through the system property {@code corrigo.launcher} or the environment
 * variable {@code CORRIGO} (a Corrigo checkout, whose {@code corrigo} launcher is used). Without
 * either, the calling test is skipped, saying what to set.
 *
 * @since 1.0
 */
public final class HostStudy {

    /** What the run printed and returned; {@code out} is the results as JSON ({@code run --json}). */
    public record Result(int exitCode, String out, String err) {
    }

    private HostStudy() {
    }

    /** The jar the build made ({@code corrigo.bundle}, which corrigo-plugin-parent sets for integration tests). */
    public static Path bundleUnderTest() {
        String jar = System.getProperty("corrigo.bundle");
        assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)),
                "no bundle to test: run integration tests after package (mvn verify) with corrigo-plugin-parent, "
                        + "which sets -Dcorrigo.bundle to the built jar");
        return Path.of(jar);
    }

    /**
     * Runs {@code studyYaml} with {@code bundle} in {@code dropins/} of a fresh Corrigo home, without
     * the report site; waits at most ten minutes.
     */
    public static Result run(Path bundle, String studyYaml) throws IOException, InterruptedException {
        Path launcher = launcher();
        Path home = Files.createTempDirectory("corrigo-host-study-");
        Files.createDirectories(home.resolve("dropins"));
        Files.copy(bundle, home.resolve("dropins").resolve(bundle.getFileName()));
        Files.writeString(home.resolve("study.yaml"), studyYaml);
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "run", "study.yaml", "--no-server", "--json"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(home.resolve("out.json").toFile()).redirectError(home.resolve("err.txt").toFile());
        pb.environment().put("CORRIGO_HOME", home.toString());
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the study did not finish within ten minutes; its output is in " + home);
        }
        return new Result(p.exitValue(), Files.readString(home.resolve("out.json"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private static Path launcher() {
        String property = System.getProperty("corrigo.launcher");
        String checkout = System.getenv("CORRIGO");
        Path launcher = property != null ? Path.of(property) : checkout != null ? Path.of(checkout, "corrigo") : null;
        assumeTrue(launcher != null && Files.isExecutable(launcher),
                "no Corrigo host to run the study in: set CORRIGO to a Corrigo checkout (its ./corrigo launcher is used) "
                        + "or -Dcorrigo.launcher to the launcher" + (launcher == null ? "" : "; " + launcher + " is not executable"));
        return launcher;
    }
}
