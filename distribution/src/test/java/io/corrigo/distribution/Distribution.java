package io.corrigo.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The assembled distribution under test, and a way to run its CLI in a second JVM. */
final class Distribution {

    /** What a CLI run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    static Path home() {
        return Path.of(System.getProperty("corrigo.distribution", "target/corrigo")).toAbsolutePath();
    }

    static Path bundles() {
        return home().resolve("bundles");
    }

    /** A study of 4 small trials (two-route, two feedback conditions, bc, seeds 1 and 2), a few seconds each. */
    static final String TINY = """
            name: tiny
            seeds: [1, 2]
            budget: {episodes: 3, evalEvery: 3, evalEpisodes: 5}
            environments:
              - id: two-route
            feedback:
              - id: absolute
                label: accurate
              - id: absolute
                label: gaussian
                noise: {gaussian: true}
            learners:
              - id: bc
                hiddenSizes: [32, 32]
                endOfEpisodeUpdates: 50
            """;

    /**
     * A Corrigo checkout as a plugin author has one, at {@code dir}: the launcher and this build's
     * distribution under {@code distribution/target/corrigo}. Run its launcher with
     * {@code CORRIGO_SKIP_BUILD=1}: the checkout has the distribution, not the sources.
     */
    static Path checkout(Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve("distribution/target"));
        Files.createSymbolicLink(target.resolve("corrigo"), home());
        Files.copy(Path.of(System.getProperty("corrigo.projectRoot")).resolve("corrigo"), dir.resolve("corrigo"));
        return dir;
    }

    static Path knnJar() {
        return Path.of(System.getProperty("corrigo.knnJar")).toAbsolutePath();
    }

    /** Starts {@code corrigo args…} without waiting; standard error goes to {@code err}. */
    static Process start(Path workDir, Path out, Path err, String... args) throws IOException {
        return new ProcessBuilder(command(workDir, args)).directory(workDir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
    }

    private static List<String> command(Path workDir, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcorrigo.home=" + workDir, "-Dcorrigo.bundles=" + bundles(), "-Dcorrigo.dropins.pollMillis=200",
                "-cp", home().resolve("lib") + "/*", "io.corrigo.core.Main"));
        if (Runtime.version().feature() >= 21) {
            cmd.add(1, "--enable-native-access=ALL-UNNAMED");
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Waits until a line of {@code file} contains {@code marker} and returns that line. */
    static String awaitLine(Path file, String marker, Process process) throws IOException, InterruptedException {
        for (int i = 0; i < 1200; i++) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.contains(marker)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("corrigo exited before printing '" + marker + "':\n" + Files.readString(file));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("corrigo did not print '" + marker + "' within two minutes");
    }

    /** Runs {@code corrigo args…} as the launcher does, in {@code workDir} (its home: runs/, dropins/). */
    static Run cli(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = command(workDir, args);
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("corrigo " + String.join(" ", args) + " did not finish in 10 minutes");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private Distribution() {
    }
}
