package io.corrigo.core.internal.cluster;

import io.corrigo.core.internal.run.EvaluationPoint;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.run.TrialFailedException;
import io.corrigo.core.internal.run.TrialListener;
import io.corrigo.core.internal.run.TrialResult;
import io.corrigo.core.internal.run.TrialSink;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A worker's side of a clustered run: {@code slots} threads, each pulling a trial from the
 * coordinator, running it, and reporting its episodes, evaluations and result back — with a
 * heartbeat while it runs, through which the coordinator can also stop it.
 */
public final class ClusterWorker {

    /**
     * A trial the coordinator handed out: the study as text, which trial of it, and the trial's last
     * checkpoint (zipped, Base64; empty to start from the first episode).
     */
    public record Assignment(String attempt, String key, long runId, String name, String source, String text,
                             List<String> overrides, String device, String checkpoint) {
        public Assignment {
            overrides = List.copyOf(overrides);
        }
    }

    /** Runs one assigned trial, reporting to the sink and listener, until done or {@code cancelled}. */
    public interface Executor {
        void execute(Assignment assignment, TrialSink sink, TrialListener listener, AtomicBoolean cancelled);

        /** Where the trial's saved policy is once it finished, to send back with the result. */
        default Optional<Path> policy(Assignment assignment) {
            return Optional.empty();
        }
    }

    /** Why a worker stopped. */
    public enum Ending {
        /** The coordinator's study is over. */
        DONE,
        /** The coordinator refused this worker's secret. */
        REFUSED,
        /** No coordinator answered within the wait. */
        NO_COORDINATOR,
        /** The coordinator stopped answering. */
        COORDINATOR_LEFT,
        /** This worker was asked to stop. */
        STOPPED
    }

    private static final long REQUEST_MILLIS = 30_000;

    private final Vertx vertx;
    private final Signer signer;
    private final ReplayGuard guard = new ReplayGuard();
    private final JsonObject identity;
    private final int slots;
    private final Executor executor;
    private final Duration heartbeat;
    private final Duration findCoordinator;
    private final PrintStream log;

    /**
     * A worker named {@code id} on {@code host} with {@code slots} trial slots and {@code gpus} GPUs,
     * which gives up when no coordinator answers within {@code findCoordinator}.
     */
    public ClusterWorker(Vertx vertx, Signer signer, String id, String host, int slots, int gpus, Executor executor,
                         Duration heartbeat, Duration findCoordinator, PrintStream log) {
        this.vertx = vertx;
        this.signer = signer;
        this.identity = new JsonObject().put("worker", id).put("host", host).put("slots", slots).put("gpus", gpus);
        this.slots = slots;
        this.executor = executor;
        this.heartbeat = heartbeat;
        this.findCoordinator = findCoordinator;
        this.log = log;
    }

    /** Pulls and runs trials on every slot until the study is over or {@code stop}; returns why it ended. */
    public Ending run(AtomicBoolean stop) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        Ending[] endings = new Ending[slots];
        for (int i = 0; i < slots; i++) {
            int slot = i;
            Thread t = new Thread(() -> endings[slot] = slot(stop), "corrigo-worker-slot-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        Ending worst = Ending.DONE;
        for (Ending e : endings) {
            if (e != null && e.ordinal() > worst.ordinal() && e != Ending.STOPPED) {
                worst = e;
            }
        }
        return stop.get() && worst == Ending.DONE ? Ending.STOPPED : worst;
    }

    private Ending slot(AtomicBoolean stop) {
        long start = System.nanoTime();
        long lastContact = -1;
        while (!stop.get()) {
            JsonObject reply;
            try {
                reply = request(Protocol.PULL, identity.copy());
                lastContact = System.nanoTime();
            } catch (ReplyException e) {
                if (e.failureCode() == Protocol.REFUSED) {
                    log.println("corrigo worker: the coordinator " + e.getMessage());
                    return Ending.REFUSED;
                }
                long since = System.nanoTime() - (lastContact < 0 ? start : lastContact);
                if (since > (lastContact < 0 ? findCoordinator : Duration.ofMillis(REQUEST_MILLIS)).toNanos()) {
                    return lastContact < 0 ? Ending.NO_COORDINATOR : Ending.COORDINATOR_LEFT;
                }
                pause(500);
                continue;
            }
            switch (reply.getString("type", "")) {
                case "done" -> {
                    return Ending.DONE;
                }
                case "trial" -> runAttempt(assignment(reply), stop);
                default -> pause(200);
            }
        }
        return Ending.STOPPED;
    }

    private static Assignment assignment(JsonObject r) {
        List<String> overrides = new ArrayList<>();
        r.getJsonArray("overrides").forEach(o -> overrides.add(String.valueOf(o)));
        return new Assignment(r.getString("attempt"), r.getString("key"), r.getLong("runId"), r.getString("name"),
                r.getString("source"), r.getString("text"), overrides, r.getString("device"), r.getString("checkpoint", ""));
    }

    private void runAttempt(Assignment a, AtomicBoolean stop) {
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicBoolean stale = new AtomicBoolean();
        AtomicBoolean reported = new AtomicBoolean();
        log.printf("corrigo worker: running %s (attempt %s)%s%n", a.key(), a.attempt(),
                a.checkpoint().isEmpty() ? "" : ", from the checkpoint the coordinator sent");
        long timer = vertx.setPeriodic(heartbeat.toMillis(), id -> {
            if (stop.get()) {
                cancel.set(true);
            }
            String text = Protocol.seal(report(a, "heartbeat"));
            vertx.eventBus().request(Protocol.REPORT, text, Protocol.signed(signer, text, REQUEST_MILLIS)).onComplete(r -> {
                if (r.succeeded()) {
                    Protocol.Opened reply = Protocol.open(signer, guard, r.result());
                    if (reply.ok() && reply.body().getBoolean("stop", false)) {
                        cancel.set(true);
                    }
                } else if (r.cause() instanceof ReplyException e && e.failureCode() == Protocol.STALE) {
                    stale.set(true);
                    cancel.set(true);
                }
            });
        });
        TrialSink sink = new TrialSink() {
            @Override
            public void started(Trial trial) {
            }

            @Override
            public void finished(TrialResult result) {
                JsonObject r = report(a, "finished").put("result", Wire.result(result));
                executor.policy(a).map(Wire::zip).filter(z -> z.length > 0 && z.length <= Wire.MAX_POLICY_BYTES)
                        .ifPresent(z -> r.put("policy", Base64.getEncoder().encodeToString(z)));
                reported.set(true);
                send(r, stale);
            }

            @Override
            public void failed(Trial trial, TrialFailedException failure, long wallMillis) {
                reported.set(true);
                send(report(a, "failed").put("failure", failure.describe() + "\n  on cluster worker "
                        + identity.getString("worker") + " (" + identity.getString("host") + ")").put("wallMillis", wallMillis),
                        stale);
            }
        };
        TrialListener listener = new TrialListener() {
            @Override
            public void onEpisode(Trial trial, int episode, int episodes) {
                send(report(a, "episode").put("episode", episode).put("episodes", episodes), stale);
            }

            @Override
            public void onEvaluation(Trial trial, EvaluationPoint point) {
                send(report(a, "evaluation").put("point", Wire.point(point)), stale);
            }

            @Override
            public void onMetrics(Trial trial, List<io.corrigo.core.internal.run.MetricPoint> points) {
                if (!points.isEmpty()) {
                    send(report(a, "metrics").put("points", Wire.metrics(points)), stale);
                }
            }

            @Override
            public void onRollout(Trial trial, io.corrigo.core.internal.run.Rollout rollout) {
                send(report(a, "rollout").put("rollout", Wire.rollout(rollout)), stale);
            }

            /** The coordinator keeps the trial's checkpoints, to hand them on if this worker is lost. */
            @Override
            public void onCheckpoint(Trial trial, int episode, Path directory) {
                byte[] zipped = Wire.zip(directory);
                if (zipped.length > 0 && zipped.length <= Wire.MAX_POLICY_BYTES) {
                    send(report(a, "checkpoint").put("episode", episode)
                            .put("checkpoint", Base64.getEncoder().encodeToString(zipped)), stale);
                }
            }
        };
        try {
            executor.execute(a, sink, listener, cancel);
        } finally {
            vertx.cancelTimer(timer);
        }
        if (!reported.get() && !stale.get()) {
            send(report(a, "cancelled"), stale);
        }
    }

    private JsonObject report(Assignment a, String type) {
        return new JsonObject().put("attempt", a.attempt()).put("worker", identity.getString("worker")).put("type", type);
    }

    /** Sends a report and waits for the answer; a stale answer marks the attempt stale, other failures are retried. */
    private void send(JsonObject report, AtomicBoolean stale) {
        if (stale.get()) {
            return;
        }
        for (int tries = 1; ; tries++) {
            try {
                request(Protocol.REPORT, report);
                return;
            } catch (ReplyException e) {
                if (e.failureCode() == Protocol.STALE || tries >= 3) {
                    stale.set(true);
                    log.println("corrigo worker: " + (e.failureCode() == Protocol.STALE ? e.getMessage()
                            : "the coordinator did not take a report after 3 tries: " + e.getMessage()));
                    return;
                }
            }
        }
    }

    private JsonObject request(String address, JsonObject body) throws ReplyException {
        String text = Protocol.seal(body);
        try {
            var message = vertx.eventBus().request(address, text, Protocol.signed(signer, text, REQUEST_MILLIS))
                    .toCompletionStage().toCompletableFuture().get(REQUEST_MILLIS + 5_000, TimeUnit.MILLISECONDS);
            Protocol.Opened reply = Protocol.open(signer, guard, message);
            if (!reply.ok()) {
                throw new ReplyException(ReplyFailure.RECIPIENT_FAILURE, reply.code(), reply.code() == Protocol.REFUSED
                        ? "answered with a message not signed with this worker's secret" : "answered with " + reply.problem());
            }
            return reply.body();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ReplyException r) {
                throw r;
            }
            throw new ReplyException(ReplyFailure.ERROR, e.getCause().toString());
        } catch (TimeoutException e) {
            throw new ReplyException(ReplyFailure.TIMEOUT, "no answer within " + REQUEST_MILLIS / 1000 + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplyException(ReplyFailure.ERROR, "interrupted");
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
