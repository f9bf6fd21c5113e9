package io.corrigo.distribution.sleepy;

/** How long a {@link SleepyLearnerProvider sleepy} learner works before its {@code act()} stops returning. */
public record SleepyConfig(int hangAtStep) {

    /** The defaults: hangs at the 50th step. */
    public static final SleepyConfig DEFAULTS = new SleepyConfig(50);
}
