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

    static Path knnJar() {
        return Path.of(System.getProperty("corrigo.knnJar")).toAbsolutePath();
    }

    /** Runs {@code corrigo args…} as the launcher does, in {@code workDir} (its home: runs/, dropins/). */
    static Run cli(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcorrigo.home=" + workDir, "-Dcorrigo.bundles=" + bundles(), "-Dcorrigo.dropins.pollMillis=200",
                "-cp", home().resolve("lib") + "/*", "io.corrigo.core.Main"));
        if (Runtime.version().feature() >= 21) {
            cmd.add(1, "--enable-native-access=ALL-UNNAMED");
        }
        cmd.addAll(List.of(args));
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
