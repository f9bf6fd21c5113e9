package io.corrigo.plugin.oracle;

import io.corrigo.api.Action;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.feedback.Response.Executor;
import java.util.Optional;
import java.util.function.Function;

/**
 * CLIC's teaching loop around a feedback function (Li et al., arXiv:2502.07645; spec §2.2): the
 * teacher is consulted on schedule with a banked budget, and what it says is executed one step
 * later (or at once). Shared by the absolute, relative and partial simulators.
 */
final class ClicProtocol {

    /** What the teacher said at a consultation, and the action that saying it executes. */
    record Correction(Feedback feedback, Action executed) {
    }

    private final Space actionSpace;
    private final CorrectionSchedule schedule;
    private final boolean delayed;
    /** The action of the correction given at the previous step, executed at this one (delayed mode); or null. */
    private Action pending;

    ClicProtocol(Space actionSpace, int consultEvery, boolean banked, boolean delayed) {
        this.actionSpace = actionSpace;
        this.schedule = new CorrectionSchedule(consultEvery, banked);
        this.delayed = delayed;
    }

    /** Drops a pending correction; the bank is kept. */
    void startEpisode() {
        pending = null;
    }

    /** Consults {@code teacher} if the schedule says so and decides what is executed. */
    Response respond(Query query, Function<Query, Optional<Correction>> teacher) {
        if (query.proposed().size() != actionSpace.dimension()) {
            throw new IllegalArgumentException("proposed action has " + query.proposed().size()
                    + " dimensions, the action space " + actionSpace.dimension());
        }
        Optional<Correction> correction = Optional.empty();
        if (schedule.consults(query.step())) {
            correction = teacher.apply(query);
            schedule.record(query.step(), correction.isPresent());
        }
        Feedback feedback = correction.map(Correction::feedback).orElse(Feedback.None.instance());
        if (delayed) {
            Action carried = pending;
            pending = correction.map(Correction::executed).orElse(null);
            return carried == null ? new Response(feedback, query.proposed(), Executor.LEARNER)
                    : new Response(feedback, carried, Executor.TEACHER);
        }
        return correction.map(c -> new Response(feedback, c.executed(), Executor.TEACHER))
                .orElseGet(() -> new Response(feedback, query.proposed(), Executor.LEARNER));
    }

    /** The correction given at the previous step, executed at this one (delayed mode only). */
    Optional<Action> carried() {
        return Optional.ofNullable(pending);
    }

    /** Bank size, for tests. */
    int bank() {
        return schedule.bank();
    }

    /** Continues with {@code bank} unused consultations (a checkpoint's). */
    void restoreBank(int bank) {
        schedule.restoreBank(bank);
    }

    /**
     * CLIC's shared pre-processing (spec §3.2): the teacher action rescaled to {@code max|a_T| ≤ 1}
     * minus the proposal, or empty if its norm does not exceed {@code threshold}.
     */
    static Optional<double[]> correctionVector(Action teacher, Action proposed, double threshold) {
        double[] t = Vectors.of(teacher);
        double scale = Vectors.maxAbs(t);
        if (scale > 1) {
            t = Vectors.times(1 / scale, t);
        }
        double[] d = Vectors.minus(t, Vectors.of(proposed));
        return Vectors.norm(d) > threshold ? Optional.of(d) : Optional.empty();
    }
}
