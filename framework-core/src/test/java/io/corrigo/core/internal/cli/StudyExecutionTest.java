package io.corrigo.core.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.core.internal.fixtures.TestCatalog;
import io.corrigo.core.internal.run.Planner;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.spec.StudyLoader;
import io.corrigo.core.internal.spec.StudySpec;
import io.corrigo.core.internal.store.Store;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Epic("Command line")
@Feature("Resume")
class StudyExecutionTest {

    private static final String STUDY = """
            name: stored
            seeds: [1, 2, 3]
            environments: [{id: line}]
            feedback: [{id: oracle}]
            learners: [{id: table}]
            """;

    @TempDir
    Path dir;

    private StudySpec spec(String text) {
        return new StudyLoader(TestCatalog.standard()).loadText("s.yaml", text, List.of());
    }

    @Test
    void resumesOnlyTheCancelledTrialsOfAnInterruptedRunAndRefusesOtherwiseWithWhy() {
        List<Trial> trials = Planner.plan(spec(STUDY));
        long id;
        try (Store writer = Store.open(dir.resolve("s.db"))) {
            id = writer.createStudy("stored", "s.yaml", "cpu", STUDY, "{}", trials);
            try (Store other = Store.open(dir.resolve("s.db"))) {
                assertThatThrownBy(() -> StudyExecution.remaining(other, other.latest("stored").orElseThrow(), spec(STUDY)))
                        .isInstanceOf(UserInputException.class).hasMessageContaining("is still running in another process");
            }
            writer.failTrial(id, trials.get(1), "boom", 1);
        }
        try (Store store = Store.open(dir.resolve("s.db"))) {
            var stored = store.latest("stored").orElseThrow();
            assertThat(StudyExecution.remaining(store, stored, spec(STUDY))).extracting(Trial::key)
                    .containsExactly(trials.get(0).key(), trials.get(2).key());
            assertThatThrownBy(() -> StudyExecution.remaining(store, stored, spec(STUDY.replace("[1, 2, 3]", "[1, 2]"))))
                    .isInstanceOf(UserInputException.class)
                    .hasMessageContaining("plans other trials than the run recorded (3 recorded, 2 planned; no longer planned:");
            store.reopenStudy(id);
            store.finishStudy(id, "finished");
            assertThatThrownBy(() -> StudyExecution.remaining(store, store.latest("stored").orElseThrow(), spec(STUDY)))
                    .hasMessageContaining("is finished, so there is nothing to resume");
        }
    }
}
