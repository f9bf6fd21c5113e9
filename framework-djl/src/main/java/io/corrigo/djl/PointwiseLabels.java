package io.corrigo.djl;

import io.corrigo.api.Action;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.learner.Transition;
import java.util.Optional;
import java.util.Set;

/**
 * The single action label a feedback gives a pointwise learner (CLIC's HG-DAgger and IBC baselines,
 * clic.md §3.4–3.5): an absolute correction, a takeover or a DAgger label is the label itself; a
 * relative correction becomes {@code a^r + e·h}; a partial correction carries the teacher's values
 * in the corrected dimensions and the robot's own elsewhere. Labels are clipped into the action space.
 *
 * @since 1.3 (moved here from the bc plugin so that every pointwise learner reads labels alike)
 */
public final class PointwiseLabels {

    private PointwiseLabels() {
    }

    /** The label of {@code transition}'s feedback; empty for none; rejects kinds outside {@code accepted}. */
    public static Optional<Action> of(Transition transition, Set<FeedbackKind> accepted, Space actionSpace, String learner) {
        Feedback feedback = transition.feedback();
        if (feedback instanceof Feedback.None) {
            return Optional.empty();
        }
        if (!accepted.contains(feedback.kind())) {
            throw new IllegalArgumentException("learner '" + learner + "' does not accept " + feedback.kind()
                    + " feedback; configured feedbackKinds: " + accepted);
        }
        Action label;
        if (feedback instanceof Feedback.AbsoluteCorrection c) {
            label = c.action();
        } else if (feedback instanceof Feedback.RelativeCorrection r) {
            label = transition.proposed().plus(r.direction().times(r.magnitude()));
        } else if (feedback instanceof Feedback.PartialCorrection p) {
            label = p.action();
        } else if (feedback instanceof Feedback.Takeover t) {
            label = t.expertAction();
        } else if (feedback instanceof Feedback.Label l) {
            label = l.expertAction();
        } else {
            throw new IllegalArgumentException("unknown feedback " + feedback);
        }
        return Optional.of(actionSpace.clip(label));
    }
}
