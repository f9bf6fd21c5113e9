package io.corrigo.plugin.clic;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.Transition;
import java.util.function.BiFunction;

/** Drives learners through synthetic episodes at one observation. */
final class ClicTesting {

    static final Observation STATE = Observation.of(0.1f, 0.2f, 0.3f);

    private ClicTesting() {
    }

    /**
     * One episode of {@code steps} steps at {@link #STATE}; {@code human} maps (step, proposal) to
     * the proposal the feedback refers to and the feedback.
     */
    static void episode(Learner learner, int steps, BiFunction<Integer, Action, Step> human) {
        learner.startEpisode();
        for (int t = 1; t <= steps; t++) {
            Step s = human.apply(t, learner.act(STATE));
            learner.observe(new Transition(STATE, s.proposed(), s.feedback(), s.proposed(), Response.Executor.LEARNER, STATE,
                    0, false, t == steps, new StepInfo(false, 0), t));
        }
        learner.endEpisode();
    }

    /** A fixed correction of a fixed robot action, whatever the learner proposes. */
    static BiFunction<Integer, Action, Step> always(Action robot, Feedback feedback) {
        return (t, proposal) -> new Step(robot, feedback);
    }

    /** The teacher's relative correction towards {@code target} when the proposal is farther than 0.2. */
    static BiFunction<Integer, Action, Step> relativeTowards(Action target) {
        return (t, proposal) -> {
            Action d = target.minus(proposal);
            double n = d.norm();
            return new Step(proposal, n <= 0.2 ? Feedback.None.instance() : new Feedback.RelativeCorrection(d.times(1 / n), 0.2));
        };
    }

    /** Whether {@code a} lies in the hard cone of the correction {@code (robot, h)} with half-angle {@code halfAngle}. */
    static boolean inCone(Action a, Action robot, Action h, double gamma, double halfAngleDegrees) {
        Action apex = robot.plus(h.times(gamma));
        Action u = a.minus(apex);
        double cos = (u.get(0) * h.get(0) + u.get(1) * h.get(1)) / (u.norm() * h.norm());
        return u.norm() > 0 && Math.acos(Math.min(1, cos)) <= Math.toRadians(halfAngleDegrees);
    }

    record Step(Action proposed, Feedback feedback) {
    }
}
