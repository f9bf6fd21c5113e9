package io.corrigo.core.internal.run;

/**
 * Cumulative training cost, human effort first.
 *
 * @param envSteps       training environment steps
 * @param feedbackEvents steps at which the human said something (any feedback but none)
 * @param teacherSteps   steps at which the executed action came from the human
 * @param takeovers      takeovers started
 */
public record Effort(long envSteps, long feedbackEvents, long teacherSteps, long takeovers) {

    /** No effort yet. */
    public static final Effort NONE = new Effort(0, 0, 0, 0);
}
