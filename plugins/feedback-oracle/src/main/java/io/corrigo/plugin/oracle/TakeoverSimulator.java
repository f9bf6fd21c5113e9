package io.corrigo.plugin.oracle;

import io.corrigo.api.Action;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.feedback.Response.Executor;

/**
 * A simulated overseer that takes over (RLIF, Luo et al., ICLR 2024; HG-DAgger, Kelly et al., ICRA
 * 2019): while it is not in control its {@link Gate} decides at each step whether to intervene;
 * an intervention executes the (possibly degraded) expert's action, clipped into the action space,
 * for {@code takeoverSteps} steps, and every one of them is reported as a
 * {@link Feedback.Takeover}. The gate is consulted again at the first step after a takeover; a new
 * episode ends a running takeover.
 */
final class TakeoverSimulator implements FeedbackSimulator, CountedState {

    /** Decides whether the overseer intervenes; consulted only while it is not in control. */
    interface Gate {

        /** A training episode starts. */
        default void startEpisode() {
        }

        /** The gate's counters that carry over between episodes (none by default). */
        default java.util.Map<String, Long> counters() {
            return java.util.Map.of();
        }

        /** Continues from {@code counters}. */
        default void setCounters(java.util.Map<String, Long> counters) {
        }

        /**
         * Whether to take over at {@code query}'s step.
         *
         * @param expert the intervening expert's action there, degraded but not clipped
         */
        boolean intervenes(Query query, Action expert);
    }

    private final Gate gate;
    private final int takeoverSteps;
    private final DegradedExpert expert;
    private final Space actionSpace;
    private int stepsLeft;

    TakeoverSimulator(Gate gate, int takeoverSteps, DegradedExpert expert, Space actionSpace) {
        if (takeoverSteps < 1) {
            throw new IllegalArgumentException("takeoverSteps must be >= 1: " + takeoverSteps);
        }
        this.gate = gate;
        this.takeoverSteps = takeoverSteps;
        this.expert = expert;
        this.actionSpace = actionSpace;
    }

    @Override
    public void startEpisode() {
        stepsLeft = 0;
        gate.startEpisode();
    }

    @Override
    public Response respond(Query query) {
        if (query.proposed().size() != actionSpace.dimension()) {
            throw new IllegalArgumentException("proposed action has " + query.proposed().size()
                    + " dimensions, the action space " + actionSpace.dimension());
        }
        Action degraded = expert.apply(query.expert());
        boolean started = stepsLeft == 0 && gate.intervenes(query, degraded);
        if (started) {
            stepsLeft = takeoverSteps;
        }
        if (stepsLeft == 0) {
            return Response.silent(query.proposed());
        }
        stepsLeft--;
        Action executed = actionSpace.clip(degraded);
        return new Response(new Feedback.Takeover(executed, stepsLeft, started), executed, Executor.TEACHER);
    }

    @Override
    public java.util.Map<String, Long> counters() {
        return gate.counters();
    }

    @Override
    public void setCounters(java.util.Map<String, Long> counters) {
        gate.setCounters(counters);
    }
}
