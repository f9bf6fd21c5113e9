package io.corrigo.core.internal.run;

import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.Response;

/** Counts a trial's {@link Effort} as its training steps happen. Single-threaded. */
final class EffortCounter {

    private long envSteps;
    private long feedbackEvents;
    private long teacherSteps;
    private long takeovers;

    /** Counts one training step whose feedback and executor {@code r} says. */
    void count(Response r) {
        envSteps++;
        if (!(r.feedback() instanceof Feedback.None)) {
            feedbackEvents++;
        }
        if (r.executedBy() == Response.Executor.TEACHER) {
            teacherSteps++;
        }
        if (r.feedback() instanceof Feedback.Takeover t && t.started()) {
            takeovers++;
        }
    }

    /** Counts {@code steps} demonstrated steps: environment steps executed by the teacher. */
    void countDemonstrated(long steps) {
        envSteps += steps;
        teacherSteps += steps;
    }

    /** The effort so far. */
    Effort effort() {
        return new Effort(envSteps, feedbackEvents, teacherSteps, takeovers);
    }

    /** Continues from {@code saved} (a checkpoint's count). */
    void set(Effort saved) {
        envSteps = saved.envSteps();
        feedbackEvents = saved.feedbackEvents();
        teacherSteps = saved.teacherSteps();
        takeovers = saved.takeovers();
    }
}
