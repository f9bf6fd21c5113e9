package io.corrigo.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.core.internal.fixtures.TestCatalog;
import io.corrigo.core.internal.run.Effort;
import io.corrigo.core.internal.run.EvaluationPoint;
import io.corrigo.core.internal.run.MetricPoint;
import io.corrigo.core.internal.run.Planner;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.run.TrialFailedException;
import io.corrigo.core.internal.run.TrialResult;
import io.corrigo.core.internal.spec.StudyLoader;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Epic("Store")
@Feature("SQLite")
class StoreTest {

    @TempDir
    Path dir;

    private final List<Trial> trials = Planner.plan(new StudyLoader(TestCatalog.standard()).loadText("s.yaml", """
            name: stored
            seeds: [1, 2, 3]
            environments: [{id: line}]
            feedback: [{id: oracle}]
            learners: [{id: table}]
            """, List.of()));

    @Test
    void aCommittedTrialReadsBackAfterTheStoreIsReopened() {
        Effort effort = new Effort(100, 12, 10, 0);
        long id;
        try (Store store = Store.open(dir.resolve("c.db"))) {
            id = store.createStudy("stored", "s.yaml", "cpu", "yaml", "{}", trials);
            store.markRunning(id, trials.get(0));
            store.commitTrial(id, new TrialResult(trials.get(0), List.of(
                    new EvaluationPoint(0, 10, 0, -5, 0.1, Effort.NONE), new EvaluationPoint(5, 10, 7, -1, 0.8, effort)),
                    List.of(new MetricPoint(1, "loss", 0.5, 3)), effort, 1234, java.util.Map.of("calibrated", "0.3"), List.of()));
        }
        try (Store store = Store.open(dir.resolve("c.db"))) {
            StoredStudy s = store.latest("stored").orElseThrow();
            assertThat(s.id()).isEqualTo(id);
            List<StoredTrial> stored = store.trials(id);
            // the first store closed without finishing the run, as a killed process would
            assertThat(s.state()).isEqualTo(Store.INTERRUPTED);
            assertThat(stored).extracting(StoredTrial::state).containsExactly("done", "cancelled", "cancelled");
            assertThat(stored.get(0).effort()).isEqualTo(effort);
            assertThat(stored.get(0).wallMillis()).isEqualTo(1234);
            assertThat(stored.get(0).notesJson()).isEqualTo("{\"calibrated\":\"0.3\"}");
            assertThat(store.evaluations(id).get(stored.get(0).id())).extracting(EvaluationPoint::successes).containsExactly(0, 7);
        }
    }

    @Test
    void aRunWhoseProcessIsAliveStaysRunningForOtherReaders() {
        try (Store writer = Store.open(dir.resolve("r.db"))) {
            long id = writer.createStudy("stored", "s.yaml", "cpu", "yaml", "{}", trials);
            try (Store reader = Store.open(dir.resolve("r.db"))) {
                assertThat(reader.latest("stored").orElseThrow().state()).isEqualTo("running");
            }
            writer.finishStudy(id, "finished");
            assertThat(dir.resolve(".study-" + id + ".lock")).doesNotExist();
        }
        try (Store reader = Store.open(dir.resolve("r.db"))) {
            assertThat(reader.latest("stored").orElseThrow().state()).isEqualTo("finished");
        }
    }

    @Test
    void aFailedTrialKeepsItsReasonAndUnfinishedTrialsAreMarkedCancelled() {
        try (Store store = Store.open(dir.resolve("f.db"))) {
            long id = store.createStudy("stored", "s.yaml", "cpu", "yaml", "{}", trials);
            store.markRunning(id, trials.get(1));
            store.failTrial(id, trials.get(1), new TrialFailedException(trials.get(1).key(), 2, "boom", null).describe(), 5);
            store.finishStudy(id, "failed");
            assertThat(store.trials(id)).extracting(StoredTrial::state).containsExactly("cancelled", "failed", "cancelled");
            assertThat(store.trials(id).get(1).error()).contains("boom").contains("seed 2");
            assertThat(store.evaluations(id)).isEmpty();
            assertThat(store.latest("stored").orElseThrow().state()).isEqualTo("failed");
        }
    }

    @Test
    void aStoppedRunStoresWhyEachUnfinishedTrialDidNotFinish() {
        try (Store store = Store.open(dir.resolve("c.db"))) {
            long id = store.createStudy("stored", "s.yaml", "cpu", "yaml", "{}", trials);
            store.markRunning(id, trials.get(0));
            store.finishStudy(id, "cancelled");
            assertThat(store.trials(id)).extracting(StoredTrial::state).containsOnly("cancelled");
            assertThat(store.trials(id).get(0).error()).isEqualTo(
                    "stopped before it finished: the run was interrupted (Ctrl-C or SIGTERM)");
            assertThat(store.trials(id).get(1).error()).isEqualTo("not started: the run was interrupted (Ctrl-C or SIGTERM)");
        }
    }

    @Test
    void aFailedCommitLeavesNothingOfTheTrial() {
        try (Store store = Store.open(dir.resolve("a.db"))) {
            long id = store.createStudy("stored", "s.yaml", "cpu", "yaml", "{}", trials);
            EvaluationPoint p = new EvaluationPoint(5, 10, 7, -1, 0.8, Effort.NONE);
            TrialResult duplicateEpisodes = new TrialResult(trials.get(0), List.of(p, p), List.of(), Effort.NONE, 1, java.util.Map.of(), List.of());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.commitTrial(id, duplicateEpisodes))
                    .isInstanceOf(StoreException.class);
            assertThat(store.trials(id).get(0).state()).isEqualTo("pending");
            assertThat(store.evaluations(id)).isEmpty();
        }
    }
    @Test
    void reopeningAnInterruptedRunKeepsDoneAndFailedTrialsAndMakesTheOthersPendingUnderThisProcess() {
        long id;
        try (Store store = Store.open(dir.resolve("o.db"))) {
            id = store.createStudy("stored", "s.yaml", "cpu", "the study text", "{}", trials);
            store.commitTrial(id, new TrialResult(trials.get(0), List.of(new EvaluationPoint(5, 10, 7, -1, 0.8, Effort.NONE)),
                    List.of(), Effort.NONE, 10, java.util.Map.of(), List.of()));
            store.failTrial(id, trials.get(1), "boom", 5);
            store.markRunning(id, trials.get(2));
        }
        try (Store store = Store.open(dir.resolve("o.db"))) {
            assertThat(store.latest("stored").orElseThrow().state()).isEqualTo(Store.INTERRUPTED);
            assertThat(store.specYaml(id)).contains("the study text");
            assertThat(store.reopenStudy(id)).isTrue();
            assertThat(store.latest("stored").orElseThrow().state()).isEqualTo("running");
            assertThat(store.trials(id)).extracting(StoredTrial::state).containsExactly("done", "failed", "pending");
            assertThat(store.evaluations(id).get(store.trials(id).get(0).id())).hasSize(1);
            try (Store reader = Store.open(dir.resolve("o.db"))) {
                // this process holds the reopened run's lock: another process sees it running, not abandoned
                assertThat(reader.latest("stored").orElseThrow().state()).isEqualTo("running");
                assertThat(reader.reopenStudy(id)).isFalse();
            }
            store.finishStudy(id, "finished");
            assertThat(store.reopenStudy(id)).isFalse();
            assertThat(store.latest("stored").orElseThrow().state()).isEqualTo("finished");
        }
    }

    @Test
    void metricUnitsReadBackAndAStoreFromBeforeUnitsGainsTheColumnWithItsRowsUnitless() throws Exception {
        Path file = dir.resolve("u.db");
        long id;
        try (Store store = Store.open(file)) {
            id = store.createStudy("stored", "s.yaml", "cpu", "yaml", "{}", trials);
            store.commitTrial(id, new TrialResult(trials.get(0), List.of(), List.of(new MetricPoint(1, "loss", 0.5, 3)),
                    Effort.NONE, 1, java.util.Map.of(), List.of()));
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement s = c.createStatement()) {
            s.execute("ALTER TABLE metrics DROP COLUMN unit"); // the store as a release before units wrote it
        }
        try (Store store = Store.open(file)) {
            store.commitTrial(id, new TrialResult(trials.get(1), List.of(), List.of(new MetricPoint(1, "loss", 0.25, 3, "nats")),
                    Effort.NONE, 1, java.util.Map.of(), List.of()));
        }
        try (StoreQueries queries = StoreQueries.open(file)) {
            List<StoredTrial> stored;
            try (Store store = Store.open(file)) {
                stored = store.trials(id);
            }
            assertThat(queries.metrics(stored.get(0).id())).extracting(io.corrigo.reports.data.MetricRow::unit).containsExactly("");
            assertThat(queries.metrics(stored.get(1).id())).extracting(io.corrigo.reports.data.MetricRow::unit)
                    .containsExactly("nats");
        }
    }
}
