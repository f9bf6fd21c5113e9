package io.corrigo.distribution.sleepy;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.Transition;
import java.nio.file.Path;

/** Acts with zeros, then hangs for good in {@code act()} (see {@link SleepyLearnerProvider}). */
final class SleepyLearner implements Learner {

    private final int hangAtStep;
    private final int stepMillis;
    private final int dimension;
    private int steps;
    private Object tally;

    SleepyLearner(int hangAtStep, int stepMillis, int dimension) {
        this.hangAtStep = hangAtStep;
        this.stepMillis = stepMillis;
        this.dimension = dimension;
    }

    @Override
    public Action act(Observation observation) {
        if (++steps >= hangAtStep) {
            while (true) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ignored) {
                    // a stuck plugin does not answer interrupts either
                }
            }
        }
        if (stepMillis > 0) {
            try {
                Thread.sleep(stepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Action.of(new float[dimension]);
    }

    @Override
    public void startEpisode() {
    }

    @Override
    public void observe(Transition transition) {
    }

    /** Loads {@link SleepyTally} late: a class of this bundle first needed after a swap. */
    @Override
    public void endEpisode() {
        tally = new SleepyTally(steps);
    }

    @Override
    public void save(Path directory) {
    }

    @Override
    public void load(Path directory) {
    }

    @Override
    public void close() {
    }
}
