package io.corrigo.core.internal.run;

import io.corrigo.core.internal.spec.Budget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs trials on {@code workers} threads in this JVM, each trial on a thread of its own. A failing
 * trial is reported and the others go on; a failing sink (the store) is an internal error and stops
 * the study. A watchdog fails a trial that runs longer than its time limit — a plugin call that
 * never returns included: the trial is stored as failed with where it was and its thread's stack,
 * the hung thread is interrupted and left behind (a daemon), and a fresh thread takes its slot. Once
 * the run is stopped (Ctrl-C), no trial starts, and trials that do not end within {@link #STOP_GRACE}
 * are left behind as cancelled, so a hung plugin cannot hold the stop.
 */
public final class LocalScheduler implements Scheduler {

    /** How a study run ended. */
    public record Outcome(int finished, int failed, int cancelled) {
    }

    private static final long TICK_MILLIS = 100;
    private static final int STACK_FRAMES = 15;
    /** Frames of the host's trial code: the frame above the first of them is the plugin call. */
    private static final String HOST_FRAMES = "io.corrigo.core.internal.run.";

    /** How long a stopped run waits for its running trials to end their episode before it leaves them. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final int workers;
    private final Function<Trial, Duration> timeLimit;
    private final Duration grace;

    /** A scheduler without a time limit. */
    public LocalScheduler(int workers) {
        this(workers, Duration.ZERO);
    }

    /** A scheduler whose trials may each run for {@code timeLimit} (zero: no limit). */
    public LocalScheduler(int workers, Duration timeLimit) {
        this(workers, timeLimit, STOP_GRACE);
    }

    /**
     * A scheduler whose trials may each run for {@code timeLimit} (zero: no limit) and which, once
     * stopped, waits at most {@code grace} for running trials before it returns without them.
     */
    public LocalScheduler(int workers, Duration timeLimit, Duration grace) {
        this(workers, trial -> timeLimit, grace);
    }

    /** Each trial's time limit: its learner's {@code trialTimeLimit} if set, else the budget's (0: none). */
    public static Function<Trial, Duration> timeLimits(Budget budget) {
        return trial -> Duration.ofSeconds(trial.learner().trialTimeLimit().orElse(budget.trialTimeLimit()));
    }

    /** A scheduler whose trials each run for at most {@code timeLimit.apply(trial)} (zero: no limit). */
    public LocalScheduler(int workers, Function<Trial, Duration> timeLimit, Duration grace) {
        this.grace = grace;
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1: " + workers);
        }
        this.workers = workers;
        this.timeLimit = timeLimit;
    }

    /**
     * One trial on its thread; settled once, by the thread or by the watchdog, whichever is first,
     * and reported once whoever settled it has told the sink and the listener.
     */
    private static final class Attempt {
        final Trial trial;
        final long start = System.nanoTime();
        final AtomicBoolean settled = new AtomicBoolean();
        volatile boolean reported;
        Thread thread;

        Attempt(Trial trial) {
            this.trial = trial;
        }

        boolean settle() {
            return settled.compareAndSet(false, true);
        }

        long millis() {
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    @Override
    public Outcome run(List<Trial> trials, TrialRunner runner, TrialSink sink, TrialListener listener, AtomicBoolean cancelled) {
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicReference<RuntimeException> internal = new AtomicReference<>();
        Semaphore slots = new Semaphore(Math.min(workers, Math.max(1, trials.size())));
        List<Attempt> running = new ArrayList<>();
        Counters counters = new Counters(finished, failed, skipped);
        try {
            for (Trial trial : trials) {
                boolean slot = false;
                while (!cancelled.get() && internal.get() == null && !(slot = acquire(slots))) {
                    watch(running, sink, listener, slots, counters);
                }
                if (cancelled.get() || internal.get() != null) {
                    if (slot) {
                        slots.release();
                    }
                    skipped.incrementAndGet();
                    continue;
                }
                Attempt a = new Attempt(trial);
                a.thread = new Thread(() -> runOne(a, runner, sink, listener, cancelled, slots, counters, internal),
                        "corrigo-trial " + trial.key());
                a.thread.setDaemon(true);
                synchronized (running) {
                    running.add(a);
                }
                a.thread.start();
            }
            long stopSeen = -1;
            while (!done(running)) {
                watch(running, sink, listener, slots, counters);
                if (cancelled.get() && stopSeen < 0) {
                    stopSeen = System.nanoTime();
                }
                if (stopSeen >= 0 && System.nanoTime() - stopSeen > grace.toNanos()) {
                    abandon(running, counters);
                    break;
                }
                sleep();
            }
        } catch (InterruptedException e) {
            cancelled.set(true);
            Thread.currentThread().interrupt();
        }
        if (internal.get() != null) {
            throw internal.get();
        }
        return new Outcome(finished.get(), failed.get(), skipped.get());
    }

    private record Counters(AtomicInteger finished, AtomicInteger failed, AtomicInteger skipped) {
    }

    private static void runOne(Attempt a, TrialRunner runner, TrialSink sink, TrialListener listener, AtomicBoolean cancelled,
                               Semaphore slots, Counters counters, AtomicReference<RuntimeException> internal) {
        Trial trial = a.trial;
        try {
            sink.started(trial);
            listener.onStart(trial);
            TrialResult result = runner.run(trial, listener, cancelled::get);
            if (a.settle()) {
                try {
                    sink.finished(result);
                    counters.finished().incrementAndGet();
                    listener.onFinish(result);
                } finally {
                    a.reported = true;
                    slots.release();
                }
            }
        } catch (TrialFailedException e) {
            if (a.settle()) {
                try {
                    if (cancelled.get()) {
                        counters.skipped().incrementAndGet();
                    } else {
                        sink.failed(trial, e, a.millis());
                        counters.failed().incrementAndGet();
                        listener.onFailure(trial, e);
                    }
                } finally {
                    a.reported = true;
                    slots.release();
                }
            }
        } catch (RuntimeException e) {
            internal.compareAndSet(null, e);
            cancelled.set(true);
            a.reported = true;
            if (a.settle()) {
                slots.release();
            }
        }
    }

    /** After a stop, gives up on trials that did not end within the grace period (a hung plugin): they count as cancelled. */
    private static void abandon(List<Attempt> running, Counters counters) {
        synchronized (running) {
            for (Attempt a : running) {
                if (a.settle()) {
                    a.thread.interrupt();
                    counters.skipped().incrementAndGet();
                }
                a.reported = true;
            }
        }
    }

    /** Fails every running trial past the time limit and frees its slot. */
    private void watch(List<Attempt> running, TrialSink sink, TrialListener listener, Semaphore slots, Counters counters) {
        List<Attempt> snapshot;
        synchronized (running) {
            snapshot = List.copyOf(running);
        }
        for (Attempt a : snapshot) {
            Duration limit = timeLimit.apply(a.trial);
            if (!limit.isZero() && !a.settled.get() && a.millis() > limit.toMillis() && a.settle()) {
                TrialFailedException e = new TrialFailedException(a.trial.key(), a.trial.seed(), timedOut(a, limit), null);
                a.thread.interrupt();
                try {
                    sink.failed(a.trial, e, a.millis());
                    counters.failed().incrementAndGet();
                    listener.onFailure(a.trial, e);
                } finally {
                    a.reported = true;
                    slots.release();
                }
            }
        }
    }

    /**
     * What the timeout message says: the plugin call that did not return, the limit, where the trial
     * was (episode and step) and the top of its thread's stack.
     */
    private static String timedOut(Attempt a, Duration limit) {
        StackTraceElement[] stack = a.thread.getStackTrace();
        String where = TrialRunner.whereIs(a.thread).map(w -> " at " + w).orElseGet(() -> {
            String name = a.thread.getName();
            int colon = name.indexOf(": ");
            return colon >= 0 ? " during " + name.substring(colon + 2) : "";
        });
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "timed out%s after %d s%s (the trial time limit:"
                + " budget.trialTimeLimit or the learner's trialTimeLimit); its thread was at:", pluginCall(stack),
                limit.toSeconds(), where));
        for (int i = 0; i < Math.min(STACK_FRAMES, stack.length); i++) {
            b.append("\n    at ").append(stack[i]);
        }
        return b.toString();
    }

    /** {@code " in Learner.act()"}: the method the host's trial code called last, from the stack; or empty. */
    static String pluginCall(StackTraceElement[] stack) {
        for (int i = 1; i < stack.length; i++) {
            if (stack[i].getClassName().startsWith(HOST_FRAMES)) {
                StackTraceElement called = stack[i - 1];
                if (called.getClassName().startsWith(HOST_FRAMES)) {
                    return "";
                }
                String type = called.getClassName().substring(called.getClassName().lastIndexOf('.') + 1);
                return " in " + type + "." + called.getMethodName() + "()";
            }
        }
        return "";
    }

    private static boolean done(List<Attempt> running) {
        synchronized (running) {
            return running.stream().allMatch(a -> a.reported);
        }
    }

    private static boolean acquire(Semaphore slots) throws InterruptedException {
        return slots.tryAcquire(TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static void sleep() throws InterruptedException {
        Thread.sleep(TICK_MILLIS);
    }
}
