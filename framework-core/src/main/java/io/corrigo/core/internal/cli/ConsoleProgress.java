package io.corrigo.core.internal.cli;

import io.corrigo.core.internal.run.EvaluationPoint;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.run.TrialFailedException;
import io.corrigo.core.internal.run.TrialListener;
import io.corrigo.core.internal.run.TrialResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on standard error: a live bar over all training episodes (with ETA) on a terminal, one
 * line per finished trial otherwise (CI logs, pipes).
 */
final class ConsoleProgress implements TrialListener, AutoCloseable {

    private final PrintStream err;
    private final int trials;
    private final ProgressBar bar;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();

    ConsoleProgress(PrintStream err, String study, int trials, int episodesPerTrial, boolean terminal) {
        this.err = err;
        this.trials = trials;
        this.bar = terminal ? new ProgressBarBuilder().setTaskName(study).setInitialMax((long) trials * episodesPerTrial)
                .setUnit(" ep", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setMaxRenderedLength(110).setConsumer(new ConsoleProgressBarConsumer(err))
                .setEtaFunction(state -> state.getElapsedAfterStart().isZero() || state.getCurrent() == 0
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(Duration.ofMillis((long) (state.getElapsedAfterStart().toMillis()
                        * (double) (state.getMax() - state.getCurrent()) / state.getCurrent()))))
                .build() : null;
    }

    @Override
    public void onStart(Trial trial) {
        running.incrementAndGet();
        extra();
    }

    @Override
    public void onEpisode(Trial trial, int episode, int episodes) {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void onEvaluation(Trial trial, EvaluationPoint point) {
    }

    @Override
    public void onFinish(TrialResult result) {
        running.decrementAndGet();
        int n = done.incrementAndGet() + failed.get();
        EvaluationPoint last = result.evaluations().get(result.evaluations().size() - 1);
        line(String.format(Locale.ROOT, "[%d/%d] %s: success %.0f%% after %d episodes, %d feedback events, %.1f s", n, trials,
                result.trial().key(), 100 * last.successRate(), last.episode(), result.effort().feedbackEvents(),
                result.wallMillis() / 1000.0));
    }

    @Override
    public void onFailure(Trial trial, TrialFailedException failure) {
        running.decrementAndGet();
        int n = done.get() + failed.incrementAndGet();
        line("[" + n + "/" + trials + "] " + trial.key() + " FAILED: " + failure.getMessage());
    }

    private void line(String text) {
        if (bar == null) {
            synchronized (err) {
                err.println(text);
            }
        }
        extra();
    }

    private void extra() {
        if (bar != null) {
            bar.setExtraMessage(" trials " + done.get() + "/" + trials + " done, " + running.get() + " running"
                    + (failed.get() > 0 ? ", " + failed.get() + " failed" : ""));
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
