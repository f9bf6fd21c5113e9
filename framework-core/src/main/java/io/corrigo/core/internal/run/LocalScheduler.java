package io.corrigo.core.internal.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs trials on a fixed pool of worker threads in this JVM. A failing trial is reported and the
 * others go on; a failing sink (the store) is an internal error and stops the study.
 */
public final class LocalScheduler {

    /** How a study run ended. */
    public record Outcome(int finished, int failed, int cancelled) {
    }

    private final int workers;

    public LocalScheduler(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1: " + workers);
        }
        this.workers = workers;
    }

    /** Runs every trial; returns when all finished, failed or were cancelled. */
    public Outcome run(List<Trial> trials, TrialRunner runner, TrialSink sink, TrialListener listener, AtomicBoolean cancelled) {
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, Math.max(1, trials.size())), r -> {
            Thread t = new Thread(r, "corrigo-trial");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Trial trial : trials) {
                futures.add(pool.submit(() -> {
                    if (cancelled.get()) {
                        skipped.incrementAndGet();
                        return;
                    }
                    runOne(trial, runner, sink, listener, cancelled, finished, failed, skipped);
                }));
            }
            for (Future<?> f : futures) {
                await(f, cancelled);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(finished.get(), failed.get(), skipped.get());
    }

    private static void runOne(Trial trial, TrialRunner runner, TrialSink sink, TrialListener listener, AtomicBoolean cancelled,
                               AtomicInteger finished, AtomicInteger failed, AtomicInteger skipped) {
        sink.started(trial);
        listener.onStart(trial);
        long start = System.nanoTime();
        try {
            TrialResult result = runner.run(trial, listener, cancelled::get);
            sink.finished(result);
            finished.incrementAndGet();
            listener.onFinish(result);
        } catch (TrialFailedException e) {
            if (cancelled.get()) {
                skipped.incrementAndGet();
                return;
            }
            sink.failed(trial, e, (System.nanoTime() - start) / 1_000_000);
            failed.incrementAndGet();
            listener.onFailure(trial, e);
        }
    }

    private static void await(Future<?> f, AtomicBoolean cancelled) {
        try {
            f.get();
        } catch (InterruptedException e) {
            cancelled.set(true);
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            cancelled.set(true);
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a trial worker failed: " + cause, cause);
        }
    }
}
