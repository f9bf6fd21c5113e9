package io.corrigo.core.internal.cluster;

import io.corrigo.core.internal.run.Checkpoints;
import io.corrigo.core.internal.run.LocalScheduler;
import io.corrigo.core.internal.run.Scheduler;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.run.TrialFailedException;
import io.corrigo.core.internal.run.TrialListener;
import io.corrigo.core.internal.run.TrialResult;
import io.corrigo.core.internal.run.TrialRunner;
import io.corrigo.core.internal.run.TrialSink;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The coordinator's side of a clustered run: holds the queue of trials, hands one to each worker
 * that pulls, and alone writes what workers report to the sink (the store). A worker that stops
 * reporting for {@code lostAfter} (killed, cut off) loses its trial: the trial goes back to the
 * front of the queue and runs again from the start on the next worker that pulls, and anything the
 * lost attempt still sends is refused as stale — so no trial is lost or stored twice. All state is
 * kept on the thread that calls {@link #run}; the event bus hands messages to it through a queue.
 */
public final class ClusterScheduler implements Scheduler, AutoCloseable {

    /** What a worker needs to rebuild the study and a trial of it. */
    public record Ticket(long runId, String name, String source, String text, List<String> overrides, String device,
                         boolean needsGpu) {
        public Ticket {
            overrides = List.copyOf(overrides);
        }
    }

    private static final long TICK_MILLIS = 50;

    private final Vertx vertx;
    private final Signer signer;
    private final ReplayGuard guard = new ReplayGuard();
    private final Ticket ticket;
    private final Path artifacts;
    private final Duration lostAfter;
    private final Duration grace;
    private final PrintStream log;
    private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final List<MessageConsumer<Object>> consumers = new ArrayList<>();
    private final Set<String> refused = new HashSet<>();
    private volatile boolean closed;

    private final Deque<Trial> pending = new ArrayDeque<>();
    private final Map<String, Attempt> active = new LinkedHashMap<>();
    private final Map<String, WorkerInfo> workers = new HashMap<>();
    private int attempts;
    private int finished;
    private int failed;
    private int requeued;
    private boolean stopping;
    private long busyNanos;

    private static final class Attempt {
        final String id;
        final Trial trial;
        final String worker;
        final long started = System.nanoTime();
        long lastSeen = started;

        Attempt(String id, Trial trial, String worker) {
            this.id = id;
            this.trial = trial;
            this.worker = worker;
        }
    }

    /** A worker as it advertised itself on its last pull. */
    public record WorkerInfo(String id, String host, int slots, int gpus) {
    }

    /**
     * A coordinator for the run {@code ticket} on {@code vertx}'s event bus; saved policies land under
     * {@code artifacts}; events worth a line (a worker joined, was refused, went silent) go to {@code log}.
     */
    public ClusterScheduler(Vertx vertx, Signer signer, Ticket ticket, Path artifacts, Duration lostAfter, Duration grace,
                            PrintStream log) {
        this.vertx = vertx;
        this.signer = signer;
        this.ticket = ticket;
        this.artifacts = artifacts;
        this.lostAfter = lostAfter;
        this.grace = grace;
        this.log = log;
    }

    /** The workers seen so far, by id. */
    public synchronized Map<String, WorkerInfo> workers() {
        return Map.copyOf(workers);
    }

    /** Time the coordinator spent handling workers' messages (assigning, storing, forwarding events), in ns. */
    public long busyNanos() {
        return busyNanos;
    }

    /** How many attempts were requeued because their worker went silent. */
    public int requeued() {
        return requeued;
    }

    @Override
    public LocalScheduler.Outcome run(List<Trial> trials, TrialRunner runner, TrialSink sink, TrialListener listener,
                                      AtomicBoolean cancelled) {
        pending.addAll(trials);
        listen(Protocol.PULL, (m, body) -> onPull(m, body, sink, listener, cancelled));
        listen(Protocol.REPORT, (m, body) -> onReport(m, body, sink, listener, cancelled));
        long stopSeen = -1;
        try {
            while (finished + failed < trials.size()) {
                Runnable next = inbox.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
                for (; next != null; next = inbox.poll()) {
                    long t0 = System.nanoTime();
                    next.run();
                    busyNanos += System.nanoTime() - t0;
                }
                requeueLost();
                if (cancelled.get() && stopSeen < 0) {
                    stopSeen = System.nanoTime();
                    stopping = true;
                }
                if (stopSeen >= 0 && (active.isEmpty() || System.nanoTime() - stopSeen > grace.toNanos())) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            cancelled.set(true);
            Thread.currentThread().interrupt();
        } finally {
            closed = true;
        }
        return new LocalScheduler.Outcome(finished, failed, trials.size() - finished - failed);
    }

    private void listen(String address, java.util.function.BiConsumer<Message<Object>, JsonObject> handler) {
        MessageConsumer<Object> consumer = vertx.eventBus().consumer(address, m -> {
            Protocol.Opened opened = Protocol.open(signer, guard, m);
            if (!opened.ok()) {
                m.fail(opened.code(), opened.problem());
                inbox.add(() -> noteRefused(m, opened));
            } else if (closed) {
                Protocol.reply(signer, m, new JsonObject().put("type", "done"));
            } else {
                inbox.add(() -> handler.accept(m, opened.body()));
            }
        });
        try {
            consumer.completion().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen on the cluster's event bus at " + address + ": " + e.getMessage(), e);
        }
        consumers.add(consumer);
    }

    private void noteRefused(Message<Object> m, Protocol.Opened opened) {
        String who = m.body() instanceof String s ? workerOf(s) : "?";
        if (opened.code() == Protocol.REPLAYED) {
            log.println("Cluster: refused a message from worker " + who + ": " + opened.problem().substring("refused: ".length()));
        } else if (refused.add(who)) {
            log.println("Cluster: refused worker " + who + ": its messages are not signed with this run's secret");
        }
    }

    private static String workerOf(String text) {
        try {
            return new JsonObject(text).getString("worker", "?");
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private void onPull(Message<Object> m, JsonObject body, TrialSink sink, TrialListener listener, AtomicBoolean cancelled) {
        WorkerInfo worker = new WorkerInfo(body.getString("worker", "?"), body.getString("host", "?"),
                body.getInteger("slots", 1), body.getInteger("gpus", 0));
        synchronized (this) {
            if (workers.put(worker.id(), worker) == null) {
                log.printf("Cluster: worker %s joined from %s: %d slot(s), %d GPU(s)%n", worker.id(), worker.host(),
                        worker.slots(), worker.gpus());
            }
        }
        if (stopping || cancelled.get()) {
            Protocol.reply(signer, m, new JsonObject().put("type", "done"));
            return;
        }
        Trial trial = ticket.needsGpu() && worker.gpus() == 0 ? null : pending.pollFirst();
        if (trial == null) {
            Protocol.reply(signer, m, new JsonObject().put("type", pending.isEmpty() && active.isEmpty() ? "done" : "wait"));
            return;
        }
        Attempt a = new Attempt("a" + (++attempts), trial, worker.id());
        active.put(a.id, a);
        sink.started(trial);
        listener.onStart(trial);
        Protocol.reply(signer, m, new JsonObject().put("type", "trial").put("attempt", a.id).put("key", trial.key())
                .put("runId", ticket.runId()).put("name", ticket.name()).put("source", ticket.source())
                .put("text", ticket.text()).put("overrides", new io.vertx.core.json.JsonArray(ticket.overrides()))
                .put("device", ticket.device()).put("checkpoint", Checkpoints.latestDirectory(workDirectory(trial))
                        .map(Wire::zip).map(Base64.getEncoder()::encodeToString).orElse("")));
    }

    private Path workDirectory(Trial trial) {
        return TrialRunner.workDirectory(artifacts, trial.key());
    }

    /** A worker's checkpoint of {@code trial} becomes the one handed to the next worker if this one is lost. */
    private void keepCheckpoint(Trial trial, String zipped) {
        try {
            byte[] bytes = Base64.getDecoder().decode(zipped);
            Checkpoints.install(workDirectory(trial), dir -> Wire.unzip(bytes, dir));
        } catch (java.io.IOException | RuntimeException e) {
            log.printf("Cluster: a checkpoint of %s could not be kept (%s); a requeued attempt starts from the one"
                    + " before%n", trial.key(), e.getMessage());
        }
    }

    private void onReport(Message<Object> m, JsonObject body, TrialSink sink, TrialListener listener, AtomicBoolean cancelled) {
        Attempt a = active.get(body.getString("attempt", ""));
        if (a == null) {
            m.fail(Protocol.STALE, "attempt " + body.getString("attempt") + " no longer counts: its trial was given to"
                    + " another worker (this worker was silent for longer than " + lostAfter.toSeconds() + " s)");
            return;
        }
        a.lastSeen = System.nanoTime();
        Trial trial = a.trial;
        switch (body.getString("type", "")) {
            case "episode" -> listener.onEpisode(trial, body.getInteger("episode"), body.getInteger("episodes"));
            case "evaluation" -> listener.onEvaluation(trial, Wire.point(body.getString("point")));
            case "metrics" -> listener.onMetrics(trial, Wire.metrics(body.getString("points")));
            case "rollout" -> listener.onRollout(trial, Wire.rollout(body.getString("rollout")));
            case "checkpoint" -> keepCheckpoint(trial, body.getString("checkpoint", ""));
            case "finished" -> {
                TrialResult result = Wire.result(trial, body.getString("result"));
                String policy = body.getString("policy", "");
                if (!policy.isEmpty()) {
                    Wire.unzip(Base64.getDecoder().decode(policy), workDirectory(trial).resolve(TrialRunner.POLICY_DIRECTORY));
                }
                Checkpoints.clear(workDirectory(trial));
                active.remove(a.id);
                sink.finished(result);
                finished++;
                listener.onFinish(result);
            }
            case "failed" -> {
                TrialFailedException e = TrialFailedException.described(trial.key(), trial.seed(),
                        body.getString("failure", "failed on worker " + a.worker));
                active.remove(a.id);
                sink.failed(trial, e, body.getLong("wallMillis", (System.nanoTime() - a.started) / 1_000_000));
                failed++;
                listener.onFailure(trial, e);
            }
            case "cancelled" -> {
                active.remove(a.id);
                if (!stopping && !cancelled.get()) {
                    pending.addFirst(trial);
                    log.printf("Cluster: worker %s stopped during %s; it is queued again%n", a.worker, trial.key());
                }
            }
            default -> {
            }
        }
        Protocol.reply(signer, m, new JsonObject().put("type", "ok").put("stop", stopping || cancelled.get()));
    }

    /** Gives every attempt whose worker has been silent for longer than {@code lostAfter} to the next worker. */
    private void requeueLost() {
        long now = System.nanoTime();
        for (var it = active.values().iterator(); it.hasNext(); ) {
            Attempt a = it.next();
            if (now - a.lastSeen > lostAfter.toNanos()) {
                it.remove();
                requeued++;
                if (!stopping) {
                    pending.addFirst(a.trial);
                }
                log.printf("Cluster: worker %s went silent during %s (nothing for %d s); %s%n", a.worker, a.trial.key(),
                        lostAfter.toSeconds(), stopping ? "it is left cancelled" : "it is queued again and will run "
                                + Checkpoints.latestEpisode(workDirectory(a.trial))
                                .map(e -> "from its checkpoint after training episode " + e).orElse("from the start"));
            }
        }
    }

    /** Stops answering: workers asking afterwards find no coordinator. */
    @Override
    public void close() {
        closed = true;
        for (MessageConsumer<Object> c : consumers) {
            c.unregister();
        }
    }
}
