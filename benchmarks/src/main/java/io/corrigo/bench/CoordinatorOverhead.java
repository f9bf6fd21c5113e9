package io.corrigo.bench;

import io.corrigo.core.internal.cluster.ClusterNode;
import io.corrigo.core.internal.cluster.ClusterScheduler;
import io.corrigo.core.internal.cluster.ClusterWorker;
import io.corrigo.core.internal.cluster.Signer;
import io.corrigo.core.internal.plugin.PluginKind;
import io.corrigo.core.internal.run.Effort;
import io.corrigo.core.internal.run.EvaluationPoint;
import io.corrigo.core.internal.run.LocalScheduler;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.run.TrialFailedException;
import io.corrigo.core.internal.run.TrialResult;
import io.corrigo.core.internal.run.TrialSink;
import io.corrigo.core.internal.spec.PluginEntry;
import io.vertx.core.Vertx;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The coordinator's own cost per trial: a coordinator node and a second node with {@code workers}
 * simulated workers (one slot each) in this JVM, a Hazelcast cluster on 127.0.0.1, and
 * {@code trials} tiny trials that each sleep {@code trialMillis} and report one evaluation and a
 * result. With a free coordinator the study would take trials × trialMillis / workers; whatever the
 * wall time exceeds that by, per trial, is what pulling, assigning, heartbeats and reports cost.
 * Every trial must be stored exactly once. Usage: {@code CoordinatorOverhead [workers] [trials] [trialMillis]}.
 */
public final class CoordinatorOverhead {

    private record Tiny() {
    }

    private CoordinatorOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        long trialMillis = args.length > 2 ? Long.parseLong(args[2]) : 100;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        int port = 15701;
        Vertx coordinatorNode = ClusterNode.start("127.0.0.1", port, false, List.of(new ClusterNode.Address("127.0.0.1", port)));
        Vertx workerNode = ClusterNode.start("127.0.0.1", port + 100, false, List.of(new ClusterNode.Address("127.0.0.1", port)));
        try {
            Signer signer = Signer.of("coordinator-overhead-benchmark-secret");
            List<Trial> trials = trials(count);
            Map<String, Trial> byKey = new ConcurrentHashMap<>();
            trials.forEach(t -> byKey.put(t.key(), t));
            Map<String, Integer> stored = new ConcurrentHashMap<>();
            AtomicInteger failed = new AtomicInteger();
            TrialSink sink = new TrialSink() {
                @Override
                public void started(Trial trial) {
                }

                @Override
                public void finished(TrialResult result) {
                    stored.merge(result.trial().key(), 1, Integer::sum);
                }

                @Override
                public void failed(Trial trial, TrialFailedException failure, long wallMillis) {
                    failed.incrementAndGet();
                }
            };
            ClusterWorker.Executor tiny = (a, s, listener, cancelled) -> {
                Trial trial = byKey.get(a.key());
                EvaluationPoint point = new EvaluationPoint(1, 1, 1, 1.0, 1.0, new Effort(1, 1, 1, 0));
                listener.onEvaluation(trial, point);
                sleep(trialMillis);
                s.finished(new TrialResult(trial, List.of(point), List.of(), point.effort(), trialMillis, Map.of(), List.of()));
            };
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                ClusterWorker worker = new ClusterWorker(workerNode, signer, "sim-" + w, "127.0.0.1", 1, 0, tiny,
                        Duration.ofSeconds(1), Duration.ofMinutes(1), quiet);
                Thread t = new Thread(() -> {
                    try {
                        worker.run(new AtomicBoolean());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                threads.add(t);
            }
            ClusterScheduler coordinator = new ClusterScheduler(coordinatorNode, signer, new ClusterScheduler.Ticket(1,
                    "overhead", "overhead.yaml", "", List.of(), "cpu", false), Files.createTempDirectory("overhead"),
                    Duration.ofSeconds(30), Duration.ofSeconds(10), quiet);
            threads.forEach(Thread::start);
            long t0 = System.nanoTime();
            LocalScheduler.Outcome outcome = coordinator.run(trials, null, sink, new io.corrigo.core.internal.run.TrialListener() {
            }, new AtomicBoolean());
            double wall = (System.nanoTime() - t0) / 1e9;
            for (Thread t : threads) {
                t.join(60_000);
            }
            double ideal = count * trialMillis / 1000.0 / workers;
            double perTrialMillis = (wall - ideal) * 1000.0 * workers / count;
            long duplicates = stored.values().stream().filter(n -> n > 1).count();
            System.out.printf(Locale.ROOT, "%d simulated workers, %d trials of %d ms on 127.0.0.1: wall %.2f s against %.2f s"
                    + " with a free coordinator; overhead %.3f ms per trial = %.2f %% of trial time; stored %d (%d missing,"
                    + " %d duplicated, %d failed), outcome %s; the coordinator's thread was busy %.3f ms per trial"
                    + " (%.2f %% of trial time)%n", workers, count, trialMillis, wall, ideal, perTrialMillis,
                    100 * perTrialMillis / trialMillis, stored.size(), count - stored.size(), duplicates, failed.get(), outcome,
                    coordinator.busyNanos() / 1e6 / count, 100 * coordinator.busyNanos() / 1e6 / count / trialMillis);
        } finally {
            workerNode.close().toCompletionStage().toCompletableFuture().get();
            coordinatorNode.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    private static List<Trial> trials(int count) {
        PluginEntry env = new PluginEntry(PluginKind.ENVIRONMENT, 0, "tiny-env", "tiny-env", new Tiny());
        PluginEntry feedback = new PluginEntry(PluginKind.FEEDBACK, 0, "tiny-feedback", "tiny-feedback", new Tiny());
        PluginEntry learner = new PluginEntry(PluginKind.LEARNER, 0, "tiny-learner", "tiny-learner", new Tiny());
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            trials.add(new Trial(i, env, feedback, learner, i + 1L));
        }
        return trials;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
