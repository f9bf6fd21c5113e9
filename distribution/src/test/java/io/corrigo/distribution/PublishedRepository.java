package io.corrigo.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Maven local repository as a plugin author's machine would have it after fetching Corrigo's
 * published artifacts: the API and test kit (flattened poms), the BOM, the plugin parent and the
 * archetypes, copied from this build as {@code mvn install} would place them, and nothing else of
 * Corrigo's (no corrigo-parent, no SNAPSHOT). Everything else (Maven's plugins, JUnit, bnd) is linked
 * from the user's local repository, so builds run offline.
 */
final class PublishedRepository {

    static final String VERSION = "1.1.0";

    /** artifactId → (file in this build, extension); poms of the API and test kit are the flattened ones. */
    private static final Map<String, List<String[]>> ARTIFACTS = Map.of(
            "framework-api", List.of(new String[] {"framework-api/target/framework-api-" + VERSION + ".jar", "jar"},
                    new String[] {"framework-api/target/flattened-pom.xml", "pom"}),
            "framework-testkit", List.of(new String[] {"framework-testkit/target/framework-testkit-" + VERSION + ".jar", "jar"},
                    new String[] {"framework-testkit/target/flattened-pom.xml", "pom"}),
            "corrigo-bom", List.<String[]>of(new String[] {"corrigo-bom/pom.xml", "pom"}),
            "corrigo-plugin-parent", List.<String[]>of(new String[] {"corrigo-plugin-parent/pom.xml", "pom"}),
            "corrigo-learner-archetype", archetype("learner"),
            "corrigo-environment-archetype", archetype("environment"),
            "corrigo-feedback-archetype", archetype("feedback"));

    private final Path root;

    private PublishedRepository(Path root) {
        this.root = root;
    }

    /** Builds the repository under {@code root}. */
    static PublishedRepository create(Path root) throws IOException {
        Path user = Path.of(System.getProperty("corrigo.localRepository"));
        Path project = Path.of(System.getProperty("corrigo.projectRoot"));
        Files.createDirectories(root.resolve("io"));
        try (Stream<Path> top = Files.list(user)) {
            for (Path entry : top.toList()) {
                if (!entry.getFileName().toString().equals("io")) {
                    Files.createSymbolicLink(root.resolve(entry.getFileName().toString()), entry);
                }
            }
        }
        try (Stream<Path> io = Files.list(user.resolve("io"))) {
            for (Path entry : io.toList()) {
                if (!entry.getFileName().toString().equals("corrigo")) {
                    Files.createSymbolicLink(root.resolve("io").resolve(entry.getFileName().toString()), entry);
                }
            }
        }
        for (Map.Entry<String, List<String[]>> artifact : ARTIFACTS.entrySet()) {
            Path dir = Files.createDirectories(root.resolve("io/corrigo").resolve(artifact.getKey()).resolve(VERSION));
            for (String[] file : artifact.getValue()) {
                Path source = project.resolve(file[0]);
                if (!Files.isRegularFile(source)) {
                    throw new IllegalStateException(source + " is missing: build the project (mvn verify) first");
                }
                Files.copy(source, dir.resolve(artifact.getKey() + "-" + VERSION + "." + file[1]), StandardCopyOption.REPLACE_EXISTING);
            }
            // what mvn install writes beside the versions, so that version ranges (a baseline's "before 1.0.1") resolve
            Files.writeString(dir.getParent().resolve("maven-metadata-local.xml"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <metadata>
                      <groupId>io.corrigo</groupId>
                      <artifactId>%s</artifactId>
                      <versioning>
                        <release>%s</release>
                        <versions><version>%s</version></versions>
                        <lastUpdated>20260101000000</lastUpdated>
                      </versioning>
                    </metadata>
                    """.formatted(artifact.getKey(), VERSION, VERSION));
        }
        return new PublishedRepository(root);
    }

    /** The published poms (to check that none needs a parent). */
    List<Path> poms() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("io/corrigo"))) {
            return files.filter(p -> p.toString().endsWith(".pom")).sorted().toList();
        }
    }

    /**
     * Runs {@code mvn -B -o args…} in {@code dir} with this repository as the local one; returns its
     * output, or fails with the output's end when the build fails.
     */
    String maven(Path dir, String... args) throws IOException, InterruptedException {
        return maven(dir, Map.of(), args);
    }

    /** As {@link #maven(Path, String...)}, with {@code environment} added to Maven's environment. */
    String maven(Path dir, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(root.getParent(), "maven", ".log");
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
                "-B", "-o", "-Dmaven.repo.local=" + root, "-Dstyle.color=never"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(environment);
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("mvn " + String.join(" ", args) + " did not finish in 10 minutes");
        }
        String out = Files.readString(log);
        if (p.exitValue() != 0) {
            // from the first error on (where Maven says why), at most 30 000 characters
            int from = Math.max(0, out.indexOf("[ERROR]"));
            throw new AssertionError("mvn " + String.join(" ", args) + " failed (exit " + p.exitValue() + "):\n"
                    + out.substring(from, Math.min(out.length(), from + 30_000)));
        }
        return out;
    }

    /**
     * Writes {@code dir/mvn}: this Maven, offline, with this repository as the local one, so that
     * commands written for a plugin author's machine run here unchanged. Returns {@code dir}.
     */
    Path mavenOnPath(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path mvn = dir.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\nexec '" + Path.of(System.getProperty("maven.home"), "bin", "mvn")
                + "' -o -Dmaven.repo.local='" + root + "' -Dstyle.color=never \"$@\"\n");
        if (!mvn.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + mvn + " executable");
        }
        return dir;
    }

    private static List<String[]> archetype(String kind) {
        String name = "corrigo-" + kind + "-archetype";
        return List.of(new String[] {"archetypes/" + kind + "/target/" + name + "-" + VERSION + ".jar", "jar"},
                new String[] {"archetypes/" + kind + "/pom.xml", "pom"});
    }
}
