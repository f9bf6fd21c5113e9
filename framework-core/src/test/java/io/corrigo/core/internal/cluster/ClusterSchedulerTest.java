package io.corrigo.core.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.core.internal.fixtures.TestCatalog;
import io.corrigo.core.internal.run.Effort;
import io.corrigo.core.internal.run.EvaluationPoint;
import io.corrigo.core.internal.run.LocalScheduler;
import io.corrigo.core.internal.run.Planner;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.run.TrialFailedException;
import io.corrigo.core.internal.run.TrialListener;
import io.corrigo.core.internal.run.TrialResult;
import io.corrigo.core.internal.run.TrialSink;
import io.corrigo.core.internal.spec.StudyLoader;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coordinator and workers on one (local) event bus, with executors that stand in for trials. */
@Epic("Robustness")
@Feature("Cluster")
class ClusterSchedulerTest {

    private static final String STUDY = """
            name: spread
            seeds: [1, 2, 3]
            environments: [{id: line}]
            feedback: [{id: oracle}, {id: oracle, label: again}]
            learners: [{id: table}]
            """;

    private final Vertx vertx = Vertx.vertx();
    private final Signer signer = Signer.of("a-shared-secret-for-tests");
    private final List<Trial> trials = Planner.plan(new StudyLoader(TestCatalog.standard()).loadText("spread.yaml", STUDY,
            List.of()));
    private final ByteArrayOutputStream coordinatorLog = new ByteArrayOutputStream();
    private final List<String> stored = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<EvaluationPoint> live = new CopyOnWriteArrayList<>();

    @TempDir
    Path artifacts;

    @AfterEach
    void close() {
        vertx.close();
    }

    private final TrialSink sink = new TrialSink() {
        @Override
        public void started(Trial trial) {
        }

        @Override
        public void finished(TrialResult result) {
            stored.add(result.trial().key());
        }

        @Override
        public void failed(Trial trial, TrialFailedException failure, long wallMillis) {
            failures.add(failure.describe());
        }
    };

    private final TrialListener listener = new TrialListener() {
        @Override
        public void onEvaluation(Trial trial, EvaluationPoint point) {
            live.add(point);
        }
    };

    /** An executor that reports one evaluation and finishes after {@code millis.apply(key)}, recording who ran what. */
    private ClusterWorker.Executor executor(Map<String, String> ranBy, String worker, Function<String, Long> millis) {
        return (a, sink, listener, cancelled) -> {
            ranBy.merge(a.key(), worker, (x, y) -> x + "," + y);
            Trial trial = trials.stream().filter(t -> t.key().equals(a.key())).findFirst().orElseThrow();
            EvaluationPoint point = new EvaluationPoint(1, 5, 4, 1.5, 0.8, new Effort(10, 3, 2, 0));
            listener.onEvaluation(trial, point);
            sleep(millis.apply(a.key()));
            sink.finished(new TrialResult(trial, List.of(point), List.of(), point.effort(), 7, Map.of("on", worker), List.of()));
        };
    }

    private ClusterScheduler coordinator(Duration lostAfter) {
        return new ClusterScheduler(vertx, signer, new ClusterScheduler.Ticket(1, "spread", "spread.yaml", STUDY, List.of(),
                "cpu", false), artifacts, lostAfter, Duration.ofSeconds(5),
                new PrintStream(coordinatorLog, true, StandardCharsets.UTF_8));
    }

    private Thread start(ClusterWorker worker, List<ClusterWorker.Ending> endings) {
        Thread t = new Thread(() -> {
            try {
                endings.add(worker.run(new AtomicBoolean()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        return t;
    }

    private ClusterWorker worker(String name, Signer key, ClusterWorker.Executor executor, Duration heartbeat) {
        return new ClusterWorker(vertx, key, name, "127.0.0.1", 1, 0, executor, heartbeat, Duration.ofSeconds(20),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void spreadsTrialsOverTwoWorkersAndStoresEachExactlyOnceWithItsLiveEvents() throws Exception {
        Map<String, String> ranBy = new ConcurrentHashMap<>();
        List<ClusterWorker.Ending> endings = new CopyOnWriteArrayList<>();
        Thread one = start(worker("one", signer, executor(ranBy, "one", k -> 100L), Duration.ofMillis(200)), endings);
        Thread two = start(worker("two", signer, executor(ranBy, "two", k -> 100L), Duration.ofMillis(200)), endings);

        LocalScheduler.Outcome outcome = coordinator(Duration.ofSeconds(10)).run(trials, null, sink, listener,
                new AtomicBoolean());
        one.join(10_000);
        two.join(10_000);

        assertThat(outcome).isEqualTo(new LocalScheduler.Outcome(6, 0, 0));
        assertThat(stored).hasSize(6).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(trials.stream().map(Trial::key).toList());
        assertThat(ranBy.values()).contains("one", "two");
        assertThat(live).hasSize(6).allSatisfy(p -> assertThat(p.effort()).isEqualTo(new Effort(10, 3, 2, 0)));
        assertThat(endings).containsOnly(ClusterWorker.Ending.DONE);
        assertThat(coordinatorLog.toString(StandardCharsets.UTF_8)).contains("worker one joined", "worker two joined");
    }

    @Test
    void aSilentWorkersTrialRunsAgainElsewhereAndItsLateResultIsRefusedAsStale() throws Exception {
        Map<String, String> ranBy = new ConcurrentHashMap<>();
        List<ClusterWorker.Ending> endings = new CopyOnWriteArrayList<>();
        // "frozen" never heartbeats within the test and takes 2.5 s over its trial: the coordinator gives up after 1 s
        Thread frozen = start(worker("frozen", signer, executor(ranBy, "frozen", k -> 2_500L), Duration.ofHours(1)), endings);
        sleep(300);
        Thread healthy = start(worker("healthy", signer, executor(ranBy, "healthy", k -> 50L), Duration.ofMillis(100)),
                endings);
        ClusterScheduler coordinator = coordinator(Duration.ofSeconds(1));

        LocalScheduler.Outcome outcome = coordinator.run(trials, null, sink, listener, new AtomicBoolean());
        frozen.join(10_000);
        healthy.join(10_000);

        assertThat(outcome.finished()).isEqualTo(6);
        assertThat(stored).hasSize(6).doesNotHaveDuplicates();
        assertThat(coordinator.requeued()).isPositive();
        String lost = ranBy.entrySet().stream().filter(e -> e.getValue().startsWith("frozen")).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        assertThat(ranBy.get(lost)).isEqualTo("frozen,healthy");
        assertThat(coordinatorLog.toString(StandardCharsets.UTF_8)).contains("worker frozen went silent during " + lost,
                "queued again and will run from the start");
    }

    @Test
    void refusesAWorkerWhoseSecretDiffersAndNamesIt() throws Exception {
        List<ClusterWorker.Ending> endings = new CopyOnWriteArrayList<>();
        Map<String, String> ranBy = new ConcurrentHashMap<>();
        List<LocalScheduler.Outcome> outcome = new CopyOnWriteArrayList<>();
        Thread coordinating = new Thread(() -> outcome.add(coordinator(Duration.ofSeconds(10)).run(trials, null, sink,
                listener, new AtomicBoolean())));
        coordinating.start();
        Thread intruder = start(worker("intruder", Signer.of("not-the-shared-secret-at-all"),
                executor(ranBy, "intruder", k -> 10L), Duration.ofMillis(200)), endings);
        intruder.join(10_000);
        Thread honest = start(worker("honest", signer, executor(ranBy, "honest", k -> 10L), Duration.ofMillis(200)), endings);
        honest.join(10_000);
        coordinating.join(10_000);

        assertThat(endings).containsExactly(ClusterWorker.Ending.REFUSED, ClusterWorker.Ending.DONE);
        assertThat(ranBy.values()).containsOnly("honest");
        assertThat(outcome).containsExactly(new LocalScheduler.Outcome(6, 0, 0));
        assertThat(coordinatorLog.toString(StandardCharsets.UTF_8)).contains("refused worker intruder");
    }

    @Test
    void aTrialThatFailsOnAWorkerIsStoredAsFailedWithTheWorkersDescription() throws Exception {
        ClusterWorker.Executor failing = (a, sink, listener, cancelled) -> sink.failed(null,
                new TrialFailedException(a.key(), 1, "the learner threw", new IllegalStateException("boom")), 12);
        Thread w = start(worker("w", signer, failing, Duration.ofMillis(200)), new CopyOnWriteArrayList<>());

        LocalScheduler.Outcome outcome = coordinator(Duration.ofSeconds(10)).run(trials, null, sink, listener,
                new AtomicBoolean());
        w.join(10_000);

        assertThat(outcome).isEqualTo(new LocalScheduler.Outcome(0, 6, 0));
        assertThat(failures).hasSize(6).allSatisfy(f -> assertThat(f).contains("failed: the learner threw",
                "caused by java.lang.IllegalStateException: boom", "on cluster worker w (127.0.0.1)"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
