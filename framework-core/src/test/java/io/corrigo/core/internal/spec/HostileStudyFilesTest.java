package io.corrigo.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.corrigo.core.internal.fixtures.TestCatalog;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Epic("Studies")
@Feature("YAML validation")
class HostileStudyFilesTest {

    private static final String VALID = """
            name: demo
            seeds: [1, 2]
            budget: {episodes: 4, evalEvery: 2, evalEpisodes: 3}
            environments:
              - id: line
            feedback:
              - id: oracle
                label: accurate
            learners:
              - id: table
                learningRate: 0.01
            """;

    private final StudyLoader loader = new StudyLoader(TestCatalog.standard());

    private Problem onlyProblem(String source, String yaml, String... overrides) {
        StudySpecException e = catchThrowableOfType(StudySpecException.class,
                () -> loader.loadText(source, yaml, List.of(overrides)));
        assertThat(e).as("rejected").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void rejectsAnUnknownTagAtItsLocation() {
        Problem p = onlyProblem("s.yaml", VALID.replace("seeds: [1, 2]", "seeds: !custom [1]"));
        assertThat(p.message()).isEqualTo("unknown tag '!custom'");
        assertThat(p.location()).hasToString("s.yaml:2:8");
    }

    @Test
    void rejectsAnUnknownTagInAnOverride() {
        Problem p = onlyProblem("s.yaml", VALID, "seeds=!custom [3]");
        assertThat(p.code()).isEqualTo(Problem.INVALID_OVERRIDE);
        assertThat(p.message()).contains("unknown tag '!custom'");
    }

    @Test
    void reportsUndecodableBytesWithLineAndColumnInsteadOfAPathHint(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        byte[] head = "seeds: [1]\nname: d".getBytes(StandardCharsets.UTF_8);
        byte[] tail = VALID.replace("name: demo", "mo").getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, broken, 0, head.length);
        broken[head.length] = (byte) 0xFF;
        System.arraycopy(tail, 0, broken, head.length + 1, tail.length);
        Files.write(file, broken);
        StudySpecException e = catchThrowableOfType(StudySpecException.class, () -> loader.load(file, "bad.yaml", List.of()));
        Problem p = e.problems().get(0);
        assertThat(p.code()).isEqualTo(Problem.UNREADABLE);
        assertThat(p.message()).isEqualTo("the file is not UTF-8 text: byte 0xFF at byte offset 18 cannot be decoded");
        assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("UTF-8").doesNotContain("path"));
        assertThat(p.location()).hasToString("bad.yaml:2:8");
    }

    @Test
    void rejectsAFileLargerThanAnyStudyBeforeReadingIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.yaml");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("name: x\ndescription: ".getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 20; i++) {
                out.write(block);
            }
        }
        StudySpecException e = catchThrowableOfType(StudySpecException.class, () -> loader.load(file, "huge.yaml", List.of()));
        assertThat(e.problems().get(0).message()).isEqualTo("the file is 21.0 MB; a study file may have at most 1000 kB");
    }

    @Test
    void locatesAViolationOfOneListItemAtThatItemNotAtTheDefault() {
        Problem p = onlyProblem("s.yaml", VALID.replace("learningRate: 0.01", "learningRate: 0.01\n    hiddenSizes: [8, -5]"));
        assertThat(p.path()).isEqualTo("learners[0].hiddenSizes[1]");
        assertThat(p.message()).isEqualTo("must be >= 1 but was -5");
        assertThat(p.location()).hasToString("s.yaml:12:22");
    }

    @Test
    void reportsASeedBeyondTheLongRangeAsWritten() {
        Problem p = onlyProblem("s.yaml", VALID.replace("seeds: [1, 2]", "seeds: [9223372036854775808]"));
        assertThat(p.path()).isEqualTo("seeds[0]");
        assertThat(p.message()).isEqualTo("a seed must be an integer from 0 to 9223372036854775807 but was 9223372036854775808");
    }

    @Test
    void reportsAnIntegerBeyondItsTypesRangeAsOutOfRange() {
        Problem p = onlyProblem("s.yaml", VALID.replace("episodes: 4", "episodes: 2147483648"));
        assertThat(p.path()).isEqualTo("budget.episodes");
        assertThat(p.message()).isEqualTo("is out of range: an integer from -2147483648 to 2147483647 but was 2147483648");
        assertThat(p.location()).hasToString("s.yaml:3:20");
    }

    @Test
    void rejectsAFileNameThatMakesNoUsableStudyName() {
        String unnamed = VALID.replace("name: demo\n", "");
        assertThat(onlyProblem("...yaml", unnamed).message()).contains("its file name does not make a usable one ('..')");
        assertThat(onlyProblem("$(touch x)`id`.yaml", unnamed).path()).isEqualTo("name");
        assertThat(loader.loadText("my-study.yaml", unnamed, List.of()).name()).isEqualTo("my-study");
    }

    @Test
    void rejectsABundlePinThatNoInstalledBundleSatisfiesAtTheBundleKey() {
        Problem p = onlyProblem("s.yaml", VALID.replace("learningRate: 0.01", "learningRate: 0.01\n    bundle: org.example.other"));
        assertThat(p.code()).isEqualTo(Problem.UNKNOWN_PLUGIN);
        assertThat(p.path()).isEqualTo("learners[0].bundle");
        assertThat(p.message()).isEqualTo("no learner 'table' from bundle org.example.other is installed");
        assertThat(p.location()).hasToString("s.yaml:12:13");
    }

    @Test
    void rejectsAVersionWithoutABundleAndAVersionThatIsNone() {
        assertThat(onlyProblem("s.yaml", VALID.replace("learningRate: 0.01", "learningRate: 0.01\n    version: 1.1.0")).message())
                .isEqualTo("a version pins a bundle, but the entry names none");
        assertThat(onlyProblem("s.yaml", VALID.replace("learningRate: 0.01",
                "learningRate: 0.01\n    bundle: org.example.other\n    version: latest")).message())
                .isEqualTo("'latest' is not a bundle version");
    }

    @Test
    void rejectsALearnersTimeLimitThatIsNoWholeNumberOfSeconds() {
        Problem p = onlyProblem("s.yaml", VALID.replace("learningRate: 0.01", "learningRate: 0.01\n    trialTimeLimit: -3"));
        assertThat(p.path()).isEqualTo("learners[0].trialTimeLimit");
        assertThat(p.message()).isEqualTo("expected whole seconds >= 0 but was -3");
        assertThat(loader.loadText("s.yaml", VALID.replace("learningRate: 0.01", "learningRate: 0.01\n    trialTimeLimit: 600"),
                List.of()).learners().get(0).trialTimeLimit()).contains(600);
    }
}
