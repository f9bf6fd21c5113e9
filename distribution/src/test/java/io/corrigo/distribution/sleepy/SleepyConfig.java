package io.corrigo.distribution.sleepy;

/**
 * How long a {@link SleepyLearnerProvider sleepy} learner works before its {@code act()} stops
 * returning, and how long each of its steps takes until then.
 */
public record SleepyConfig(int hangAtStep, int stepMillis) {

    /** The defaults: hangs at the 50th step; steps take no time. */
    public static final SleepyConfig DEFAULTS = new SleepyConfig(50, 0);
}
