package io.corrigo.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code sh} block of docs/writing-a-plugin.md, in order, as one bash script in an empty
 * folder, as a reader would paste them. The harness only provides what the guide says the reader
 * has: {@code CORRIGO} (a checkout whose launcher runs this build's distribution) and {@code mvn}
 * (this Maven, offline, with a local repository holding Corrigo's published artifacts and nothing
 * else of Corrigo's).
 */
@Epic("Plugins")
@Feature("Archetypes")
class GuideIT {

    private static final Pattern SH_BLOCK = Pattern.compile("(?m)^```sh\\n(.*?)^```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theGuidesCommandsRunInOrderFromAnEmptyFolderToAStudyWithTheNewLearner() throws Exception {
        Path guide = Path.of(System.getProperty("corrigo.projectRoot")).resolve("docs/writing-a-plugin.md");
        List<String> blocks = shBlocks(Files.readString(guide));
        assertThat(blocks).as("the guide's commands").hasSizeGreaterThanOrEqualTo(4);

        PublishedRepository repo = PublishedRepository.create(dir.resolve("m2"));
        Path bin = repo.mavenOnPath(dir.resolve("bin"));
        Path checkout = Distribution.checkout(dir.resolve("corrigo"));
        Path work = Files.createDirectories(dir.resolve("reader"));
        Path script = dir.resolve("guide.sh");
        Files.writeString(script, "set -euo pipefail\n" + String.join("\n", blocks));

        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("guide.log").toFile());
        pb.environment().put("PATH", bin + ":" + Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("CORRIGO", checkout.toString());
        pb.environment().put("CORRIGO_SKIP_BUILD", "1"); // the harness's checkout has the distribution, not the sources
        pb.environment().remove("CORRIGO_HOME");
        Process p = pb.start();
        boolean done = p.waitFor(15, TimeUnit.MINUTES);
        String log = Files.readString(dir.resolve("guide.log"), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done).as("the guide took more than 15 minutes:\n%s", log).isTrue();
        assertThat(p.exitValue()).as("the guide's commands failed:\n%s", log).isZero();
        assertThat(work.resolve("my-learner/target/my-learner-0.1.0.jar")).isRegularFile();
        assertThat(work.resolve("corrigo-home/dropins/my-learner-0.1.0.jar")).isRegularFile();
        assertThat(log).contains("org.example.my-learner").containsPattern("(?m)^two-route .* my-ridge .*2/2$")
                .containsPattern("(?m)^two-route .* bc .*2/2$");
    }

    private static List<String> shBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = SH_BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
