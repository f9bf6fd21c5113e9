package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Epic("DJL toolkit")
@Feature("Learner bookkeeping")
class LearnerCountersTest {

    @TempDir
    Path directory;

    @Test
    void loadsEveryCounterItSaved() throws Exception {
        Path file = directory.resolve("ibc.properties");
        LearnerCounters.of("steps", 120).and("acts", 7).and("updates", Long.MAX_VALUE).save(file, "ibc learner state");
        LearnerCounters loaded = LearnerCounters.load(file);
        assertThat(loaded.get("steps")).isEqualTo(120);
        assertThat(loaded.get("acts")).isEqualTo(7);
        assertThat(loaded.get("updates")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void readsACounterMissingFromTheFileAsZero() throws Exception {
        Path file = directory.resolve("bc.properties");
        LearnerCounters.of("steps", 3).save(file, "bc learner state");
        assertThat(LearnerCounters.load(file).get("updates")).isZero();
    }

    @Test
    void writesAPropertiesFileUnderTheGivenComment() throws Exception {
        Path file = directory.resolve("clic.properties");
        LearnerCounters.of("steps", 42).and("acts", 0).save(file, "CLIC learner counters");
        assertThat(Files.readAllLines(file)).first().isEqualTo("#CLIC learner counters");
        assertThat(Files.readAllLines(file)).contains("steps=42", "acts=0");
    }

    @Test
    void aLaterValueReplacesAnEarlierOneOfTheSameName() {
        assertThat(LearnerCounters.of("steps", 1).and("steps", 2).get("steps")).isEqualTo(2);
    }

    @Test
    void leavesTheSetItExtendsUnchanged() {
        LearnerCounters steps = LearnerCounters.of("steps", 1);
        steps.and("acts", 5);
        assertThat(steps.get("acts")).isZero();
    }

    @Test
    void rejectsABlankName() {
        assertThatThrownBy(() -> LearnerCounters.of(" ", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
    }

    @Test
    void failsOnAValueThatIsNotAWholeNumber() throws Exception {
        Path file = directory.resolve("broken.properties");
        Files.writeString(file, "steps=many\n");
        LearnerCounters loaded = LearnerCounters.load(file);
        assertThatThrownBy(() -> loaded.get("steps")).isInstanceOf(NumberFormatException.class);
    }
}
