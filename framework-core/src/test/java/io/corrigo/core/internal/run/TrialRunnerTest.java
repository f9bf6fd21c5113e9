package io.corrigo.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.corrigo.api.run.ComputeDevice;
import io.corrigo.core.internal.fixtures.TestCatalog;
import io.corrigo.core.internal.spec.Budget;
import io.corrigo.core.internal.spec.StudyLoader;
import io.corrigo.core.internal.spec.StudySpec;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Epic("Studies")
@Feature("Interaction loop")
class TrialRunnerTest {

    private static final String STUDY = """
            name: loop
            seeds: [1, 2]
            budget: {episodes: 6, evalEvery: 3, evalEpisodes: 5}
            environments: [{id: line}]
            feedback: [{id: oracle}]
            learners: [{id: table}]
            """;

    @TempDir
    Path work;

    private final TestCatalog catalog = TestCatalog.standard();

    private StudySpec spec(String... overrides) {
        return new StudyLoader(catalog).loadText("loop.yaml", STUDY, List.of(overrides));
    }

    private TrialResult run(StudySpec s, Trial trial, TrialListener listener) throws TrialFailedException {
        return new TrialRunner(catalog, s.budget(), ComputeDevice.CPU, work).run(trial, listener, () -> false);
    }

    private TrialResult runWithDemonstrations(StudySpec s, Trial trial) throws TrialFailedException {
        return new TrialRunner(catalog, s.budget(), s.demonstrations(), ComputeDevice.CPU, work).run(trial,
                new TrialListener() { }, () -> false);
    }

    @Test
    void everyLearnerOfAStudySeesTheSameDemonstrations() throws Exception {
        TestCatalog twoLearners = TestCatalog.standard().with(io.corrigo.core.internal.plugin.PluginKind.LEARNER, "table-2",
                new io.corrigo.core.internal.fixtures.TableLearner.Provider());
        StudySpec s = new StudyLoader(twoLearners).loadText("demos.yaml", STUDY.replace("learners: [{id: table}]",
                "learners: [{id: table}, {id: table-2}]\ndemonstrations: {episodes: 3, offlineUpdates: 7, record: 2}"), List.of());
        List<Trial> trials = Planner.plan(s);
        Trial first = trials.stream().filter(t -> t.learner().id().equals("table") && t.seed() == 1).findFirst().orElseThrow();
        Trial second = trials.stream().filter(t -> t.learner().id().equals("table-2") && t.seed() == 1).findFirst().orElseThrow();
        Trial otherSeed = trials.stream().filter(t -> t.learner().id().equals("table") && t.seed() == 2).findFirst().orElseThrow();
        TrialRunner runner = new TrialRunner(twoLearners, s.budget(), s.demonstrations(), ComputeDevice.CPU, work);
        TrialResult a = runner.run(first, new TrialListener() { }, () -> false);
        TrialResult b = runner.run(second, new TrialListener() { }, () -> false);
        TrialResult c = runner.run(otherSeed, new TrialListener() { }, () -> false);
        String shown = a.notes().get("table.demonstrations");
        assertThat(shown.split(";")).hasSize(3);
        assertThat(b.notes().get("table.demonstrations")).isEqualTo(shown);
        assertThat(c.notes().get("table.demonstrations")).isNotEqualTo(shown);
        assertThat(a.notes().get("table.offlineUpdates")).isEqualTo("7");
        assertThat(a.notes().get("demonstrations")).startsWith("3 episodes").contains("7 offline updates");
        assertThat(a.rollouts()).filteredOn(r -> r.kind().equals("demonstration")).hasSize(2);
    }

    @Test
    void demonstrationsCountAsTeacherStepsAndTrainBeforeTheFirstEvaluation() throws Exception {
        StudySpec s = spec("demonstrations={episodes: 4}", "budget.episodes=0");
        TrialResult r = runWithDemonstrations(s, Planner.plan(s).get(0));
        assertThat(r.evaluations()).extracting(EvaluationPoint::episode).containsExactly(0);
        assertThat(r.evaluations().get(0).effort().teacherSteps()).isPositive()
                .isEqualTo(r.evaluations().get(0).effort().envSteps());
        assertThat(r.evaluations().get(0).effort().feedbackEvents()).isZero();
        assertThat(r.evaluations().get(0).successRate()).isGreaterThan(0);
    }

    @Test
    void aRolloutAwareLearnerIsToldOfEveryTrainingAndEvaluationEpisode() throws Exception {
        StudySpec s = spec();
        TrialResult r = run(s, Planner.plan(s).get(0), new TrialListener() { });
        // 6 training episodes, 3 evaluations of 5 episodes
        assertThat(r.notes().get("table.rollouts")).isEqualTo("21");
    }

    @Test
    void evaluatesBeforeTrainingEveryEvalEveryEpisodesAndAtTheEnd() throws Exception {
        StudySpec s = spec();
        TrialResult r = run(s, Planner.plan(s).get(0), new TrialListener() { });
        assertThat(r.evaluations()).extracting(EvaluationPoint::episode).containsExactly(0, 3, 6);
        assertThat(r.evaluations()).allSatisfy(e -> assertThat(e.episodes()).isEqualTo(5));
        assertThat(r.evaluations().get(2).successRate()).isGreaterThan(r.evaluations().get(0).successRate());
    }

    @Test
    void countsHumanEffortAtEveryEvaluationPoint() throws Exception {
        StudySpec s = spec();
        TrialResult r = run(s, Planner.plan(s).get(0), new TrialListener() { });
        Effort total = r.effort();
        assertThat(total.feedbackEvents()).isPositive();
        assertThat(total.teacherSteps()).isEqualTo(total.feedbackEvents());
        assertThat(total.envSteps()).isGreaterThanOrEqualTo(total.feedbackEvents());
        assertThat(r.evaluations().get(0).effort()).isEqualTo(Effort.NONE);
        assertThat(r.evaluations().get(2).effort()).isEqualTo(total);
        assertThat(r.metrics()).extracting(MetricPoint::name).containsOnly("labels");
    }

    @Test
    void theSameSeedGivesTheSameResultsAndAnotherSeedDiffers() throws Exception {
        StudySpec s = spec();
        List<Trial> trials = Planner.plan(s);
        TrialResult a = run(s, trials.get(0), new TrialListener() { });
        TrialResult b = run(s, trials.get(0), new TrialListener() { });
        TrialResult c = run(s, trials.get(1), new TrialListener() { });
        assertThat(b.evaluations()).isEqualTo(a.evaluations());
        assertThat(b.effort()).isEqualTo(a.effort());
        assertThat(c.effort()).isNotEqualTo(a.effort());
    }

    @Test
    void aPluginExceptionFailsTheTrialNamingItsKeySeedAndPhase() {
        StudySpec s = spec("learners[0].failOnEpisode=2");
        Trial trial = Planner.plan(s).get(1);
        TrialFailedException e = catchThrowableOfType(TrialFailedException.class,
                () -> run(s, trial, new TrialListener() { }));
        assertThat(e.trialKey()).isEqualTo("line/oracle/table/seed-2");
        assertThat(e.seed()).isEqualTo(2);
        assertThat(e.getMessage()).contains("training episode 2").contains("learner exploded on purpose");
    }

    @Test
    void aNonFiniteActionFailsTheTrialNamingTheLearnerEpisodeAndStep() {
        StudySpec s = spec("learners[0].nanOnEpisode=2");
        TrialFailedException e = catchThrowableOfType(TrialFailedException.class,
                () -> run(s, Planner.plan(s).get(0), new TrialListener() { }));
        assertThat(e.getMessage()).contains("training episode 2")
                .contains("learner 'table' failed in act() at step 1: java.lang.IllegalArgumentException: component 0 is not "
                        + "finite: NaN");
    }

    @Test
    void recordsAsManyEvaluationRolloutsPerEvaluationAsTheBudgetSaysOnTheFirstEvaluationSeeds() throws Exception {
        StudySpec s = spec("seeds=[1]", "budget.recordEvaluations=3");
        TrialResult r = run(s, Planner.plan(s).get(0), new TrialListener() { });

        assertThat(r.rollouts().stream().filter(x -> x.kind().equals("evaluation")).map(Rollout::episode).toList())
                .containsExactly(0, 0, 0, 3, 3, 3, 6, 6, 6);
        StudySpec none = spec("seeds=[1]", "budget.recordEvaluations=0");
        assertThat(run(none, Planner.plan(none).get(0), new TrialListener() { }).rollouts())
                .noneMatch(x -> x.kind().equals("evaluation"));
    }

    @Test
    void everyTrialNotesTheHostsResidentMemoryAndOneThatGrowsPastTheMemoryLimitFailsWithTheFigures() throws Exception {
        TrialResult ok = run(spec("seeds=[1]"), Planner.plan(spec("seeds=[1]")).get(0), new TrialListener() { });
        assertThat(ok.notes().get("memory")).matches("host process resident memory \\d+ MB at the start, \\d+ MB peak,"
                + " \\d+ MB at the end \\([+-]\\d+ MB; shared with trials running in parallel\\)");

        long residentMb = MemoryWatch.resident().orElseThrow() / (1024 * 1024);
        StudySpec s = spec("seeds=[1]", "learners[0].growMbPerEpisode=64", "budget.memoryLimit=" + (residentMb + 100));
        TrialFailedException e = catchThrowableOfType(TrialFailedException.class,
                () -> run(s, Planner.plan(s).get(0), new TrialListener() { }));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).containsPattern("the host process's resident memory reached \\d+ MB, above"
                + " budget.memoryLimit " + (residentMb + 100) + " MB \\(it was \\d+ MB when the trial started\\),"
                + " after training episode [2-5]");
    }

    @Test
    void aTrialWhosePluginCallHangsTimesOutAtItsLearnersLimitWithWhereItWasAndTheOthersFinish() {
        StudySpec s = spec("learners[0].hangOnEpisode=2", "learners[0].trialTimeLimit=2", "seeds=[1]");
        List<Trial> trials = new java.util.ArrayList<>(Planner.plan(s));
        Trial quick = Planner.plan(spec("seeds=[2]")).get(0);
        trials.add(new Trial(1, quick.environment(), quick.feedback(), quick.learner(), quick.seed()));
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> finished = new java.util.concurrent.CopyOnWriteArrayList<>();
        TrialSink sink = new TrialSink() {
            @Override
            public void started(Trial trial) {
            }

            @Override
            public void finished(TrialResult result) {
                finished.add(result.trial().key());
            }

            @Override
            public void failed(Trial trial, TrialFailedException failure, long wallMillis) {
                failures.add(failure.getMessage());
            }
        };
        TrialRunner runner = new TrialRunner(catalog, s.budget(), ComputeDevice.CPU, work);
        assertThat(s.budget().trialTimeLimit()).as("the budget's default").isEqualTo(Budget.DEFAULT_TRIAL_TIME_LIMIT);
        LocalScheduler.Outcome outcome = new LocalScheduler(1, LocalScheduler.timeLimits(s.budget()), LocalScheduler.STOP_GRACE)
                .run(trials, runner, sink,
                new TrialListener() { }, new java.util.concurrent.atomic.AtomicBoolean());
        assertThat(outcome).isEqualTo(new LocalScheduler.Outcome(1, 1, 0));
        assertThat(finished).containsExactly("line/oracle/table/seed-2");
        assertThat(failures).singleElement().asString()
                .contains("trial line/oracle/table/seed-1 (seed 1) failed: timed out in TableLearner.act() after 2 s"
                        + " at training episode 2, step 1 (the trial time limit")
                .contains("io.corrigo.core.internal.fixtures.TableLearner.hang(TableLearner.java:");
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void aStoppedRunDoesNotWaitForAHungPluginAndStartsNothingMore() {
        StudySpec s = spec("learners[0].hangOnEpisode=1", "seeds=[1, 2, 3]");
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        List<String> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        TrialSink sink = new TrialSink() {
            @Override
            public void started(Trial trial) {
                started.add(trial.key());
                java.util.concurrent.CompletableFuture.delayedExecutor(500, java.util.concurrent.TimeUnit.MILLISECONDS)
                        .execute(() -> cancelled.set(true));
            }

            @Override
            public void finished(TrialResult result) {
            }

            @Override
            public void failed(Trial trial, TrialFailedException failure, long wallMillis) {
            }
        };
        LocalScheduler.Outcome outcome = new LocalScheduler(1, java.time.Duration.ZERO, java.time.Duration.ofSeconds(1))
                .run(Planner.plan(s), new TrialRunner(catalog, s.budget(), ComputeDevice.CPU, work), sink,
                        new TrialListener() { }, cancelled);
        assertThat(started).containsExactly("line/oracle/table/seed-1");
        assertThat(outcome).isEqualTo(new LocalScheduler.Outcome(0, 0, 3));
    }

    @Test
    void theSchedulerRecordsAFailingTrialAndFinishesTheOthers() {
        StudySpec s = spec("learners[0].failOnEpisode=1", "seeds=[1]");
        StudySpec ok = spec();
        List<Trial> trials = new ArrayList<>(Planner.plan(s));
        trials.addAll(Planner.plan(ok).stream().map(t -> new Trial(t.index() + 1, t.environment(), t.feedback(), t.learner(),
                t.seed() + 10)).toList());
        List<String> finished = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        TrialSink sink = new TrialSink() {
            @Override
            public void started(Trial trial) {
            }

            @Override
            public synchronized void finished(TrialResult result) {
                finished.add(result.trial().key());
            }

            @Override
            public synchronized void failed(Trial trial, TrialFailedException failure, long wallMillis) {
                failed.add(trial.key());
            }
        };
        LocalScheduler.Outcome outcome = new LocalScheduler(2).run(trials,
                new TrialRunner(catalog, s.budget(), ComputeDevice.CPU, work), sink, new TrialListener() { }, new AtomicBoolean());
        assertThat(outcome).isEqualTo(new LocalScheduler.Outcome(2, 1, 0));
        assertThat(failed).containsExactly("line/oracle/table/seed-1");
        assertThat(finished).containsExactlyInAnyOrder("line/oracle/table/seed-11", "line/oracle/table/seed-12");
    }

    @Test
    void plansSeedMajorSoEveryCellGetsItsFirstSeedFirst() {
        StudySpec s = new StudyLoader(catalog).loadText("p.yaml", STUDY.replace("feedback: [{id: oracle}]",
                "feedback: [{id: oracle, label: a}, {id: oracle, label: b}]"), List.of());
        assertThat(Planner.plan(s)).extracting(Trial::key).containsExactly(
                "line/a/table/seed-1", "line/b/table/seed-1", "line/a/table/seed-2", "line/b/table/seed-2");
    }
}
