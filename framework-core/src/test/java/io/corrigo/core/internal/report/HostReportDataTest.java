package io.corrigo.core.internal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.corrigo.core.internal.fixtures.TestCatalog;
import io.corrigo.core.internal.run.Effort;
import io.corrigo.core.internal.run.EvaluationPoint;
import io.corrigo.core.internal.run.MetricPoint;
import io.corrigo.core.internal.run.Planner;
import io.corrigo.core.internal.run.Rollout;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.run.TrialListener;
import io.corrigo.core.internal.run.TrialResult;
import io.corrigo.core.internal.spec.StudyLoader;
import io.corrigo.core.internal.store.Store;
import io.corrigo.core.internal.store.StoreQueries;
import io.corrigo.reports.data.MetricRow;
import io.corrigo.reports.data.RolloutInfo;
import io.corrigo.reports.data.TrialRow;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Epic("Reports")
@Feature("Live data")
class HostReportDataTest {

    @TempDir
    Path dir;

    @Test
    void aRunningTrialsRowCountsTheEffortItsLatestEvaluationReported() {
        List<Trial> trials = Planner.plan(new StudyLoader(TestCatalog.standard()).loadText("s.yaml", """
                name: live
                seeds: [1, 2]
                environments: [{id: line}]
                feedback: [{id: oracle}]
                learners: [{id: table}]
                """, List.of()));
        try (Store store = Store.open(dir.resolve("c.db")); StoreQueries queries = StoreQueries.open(dir.resolve("c.db"))) {
            long id = store.createStudy("live", "s.yaml", "cpu", "yaml", "{}", trials);
            Map<String, Long> ids = new HashMap<>();
            store.trials(id).forEach(t -> ids.put(t.key(), t.id()));
            LiveHub live = new LiveHub();
            TrialListener listener = live.listenerFor(id, ids);
            store.markRunning(id, trials.get(0));
            listener.onStart(trials.get(0));
            listener.onEvaluation(trials.get(0), new EvaluationPoint(0, 5, 0, -1, 0.1, Effort.NONE));
            listener.onEvaluation(trials.get(0), new EvaluationPoint(2, 5, 3, -1, 0.6, new Effort(200, 98, 40, 0)));
            HostReportData data = new HostReportData(queries, live, List::of);
            TrialRow running = data.trials(id).get(0);
            assertThat(running.state()).isEqualTo("running");
            assertThat(running.feedbackEvents()).isEqualTo(98);
            assertThat(running.teacherSteps()).isEqualTo(40);
            assertThat(running.envSteps()).isEqualTo(200);
            assertThat(data.trial(running.id()).orElseThrow().feedbackEvents()).isEqualTo(98);
            assertThat(data.trials(id).get(1).feedbackEvents()).as("a pending trial").isZero();
        }
    }

    @Test
    void aRunningTrialsDiagnosticsAndRolloutsAreServedBeforeItIsCommittedAndTheStoredOnesAfter() {
        List<Trial> trials = Planner.plan(new StudyLoader(TestCatalog.standard()).loadText("s.yaml", """
                name: live
                seeds: [1]
                environments: [{id: line}]
                feedback: [{id: oracle}]
                learners: [{id: table}]
                """, List.of()));
        Trial trial = trials.get(0);
        try (Store store = Store.open(dir.resolve("c.db")); StoreQueries queries = StoreQueries.open(dir.resolve("c.db"))) {
            long id = store.createStudy("live", "s.yaml", "cpu", "yaml", "{}", trials);
            Map<String, Long> ids = new HashMap<>();
            store.trials(id).forEach(t -> ids.put(t.key(), t.id()));
            long trialId = ids.get(trial.key());
            LiveHub live = new LiveHub();
            TrialListener listener = live.listenerFor(id, ids);
            HostReportData data = new HostReportData(queries, live, List::of);
            store.markRunning(id, trial);
            listener.onStart(trial);
            Rollout training = new Rollout("training", 1, 2, false, "[{\"t\":1},{\"t\":2}]");

            listener.onMetrics(trial, List.of(new MetricPoint(1, "loss", 0.9, 10), new MetricPoint(1, "labels", 12, 10)));
            listener.onRollout(trial, training);
            listener.onMetrics(trial, List.of(new MetricPoint(2, "loss", 0.5, 10)));

            assertThat(data.metrics(trialId)).extracting(MetricRow::episode, MetricRow::name, MetricRow::value)
                    .containsExactly(tuple(1, "loss", 0.9), tuple(1, "labels", 12.0), tuple(2, "loss", 0.5));
            RolloutInfo live1 = data.rollouts(trialId).get(0);
            assertThat(live1.id()).isNegative();
            assertThat(live1.kind()).isEqualTo("training");
            assertThat(data.rolloutFrames(live1.id())).hasValue(training.framesJson());

            TrialResult result = new TrialResult(trial, List.of(new EvaluationPoint(2, 5, 3, -1, 0.6, Effort.NONE)),
                    List.of(new MetricPoint(1, "loss", 0.9, 10), new MetricPoint(2, "loss", 0.5, 10)), Effort.NONE, 10,
                    Map.of(), List.of(training));
            store.commitTrial(id, result);
            listener.onFinish(result);

            assertThat(data.metrics(trialId)).hasSize(2);
            assertThat(data.rollouts(trialId)).singleElement().satisfies(r -> assertThat(r.id()).isPositive());
            assertThat(data.rolloutFrames(live1.id())).isEmpty();
        }
    }
}
