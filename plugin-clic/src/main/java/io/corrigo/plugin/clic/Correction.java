package io.corrigo.plugin.clic;

import io.corrigo.api.Action;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.learner.Transition;
import io.corrigo.djl.MinMaxNormaliser;
import java.util.Optional;
import java.util.Set;

/**
 * CLIC's correction tuple {@code (a^r, h, e)} in min–max-normalised action coordinates (clic.md §1,
 * §3.4–3.5): the robot's action, the correction vector and the scale {@code e = E[0,0]}, so that the
 * corrected action is {@code a^+ = a^r + e·h}.
 * <ul>
 *   <li>absolute correction (also a takeover's or a label's expert action): {@code h = a^h − a^r}, {@code e = 1};</li>
 *   <li>relative correction: {@code h} the unit direction, {@code e} its magnitude (CLIC: 0.2);</li>
 *   <li>partial correction: {@code h = a^h − a^r}, zero outside the corrected dimensions, {@code e = 1}.</li>
 * </ul>
 * A correction vector shorter than 1e-6 carries no set and is dropped.
 *
 * @param robot the robot's action {@code a^r}, normalised
 * @param h     the correction vector, normalised (a direction scales by {@code 2/(high − low)} per dimension)
 * @param scale {@code e}
 */
record Correction(float[] robot, float[] h, float scale) {

    private static final double SHORTEST = 1e-6;

    /** The corrected action {@code a^r + e·h} clipped into {@code [-1, 1]}, written into {@code target}. */
    void corrected(float[] target, int offset) {
        for (int i = 0; i < h.length; i++) {
            target[offset + i] = Math.max(-1f, Math.min(1f, robot[i] + scale * h[i]));
        }
    }

    /** {@code ‖h‖}. */
    double norm() {
        double s = 0;
        for (float v : h) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /**
     * The correction a feedback carries about {@code transition.proposed()}; empty for none or for a
     * vanishing correction; rejects kinds outside {@code accepted}, naming {@code learner}.
     */
    static Optional<Correction> of(Transition transition, Set<FeedbackKind> accepted, MinMaxNormaliser actions,
                                   String learner) {
        Feedback feedback = transition.feedback();
        if (feedback instanceof Feedback.None) {
            return Optional.empty();
        }
        if (!accepted.contains(feedback.kind())) {
            throw new IllegalArgumentException("learner '" + learner + "' does not accept " + feedback.kind()
                    + " feedback; it accepts " + accepted);
        }
        Space space = actions.space();
        float[] robot = actions.normalise(space.clip(transition.proposed()));
        float[] h = new float[robot.length];
        float scale = 1f;
        if (feedback instanceof Feedback.RelativeCorrection r) {
            for (int i = 0; i < h.length; i++) {
                float range = space.high(i) - space.low(i);
                h[i] = range == 0 ? 0f : r.direction().get(i) * 2f / range;
            }
            scale = (float) r.magnitude();
        } else {
            float[] wanted = actions.normalise(space.clip(absolute(feedback)));
            for (int i = 0; i < h.length; i++) {
                h[i] = wanted[i] - robot[i];
            }
            if (feedback instanceof Feedback.PartialCorrection p) {
                for (int i = 0; i < h.length; i++) {
                    h[i] = p.corrected().contains(i) ? h[i] : 0f;
                }
            }
        }
        Correction c = new Correction(robot, h, scale);
        return c.norm() < SHORTEST ? Optional.empty() : Optional.of(c);
    }

    /**
     * A demonstrated step read as an absolute correction of {@code proposed}, the action the learner
     * would have taken there: {@code h = a_demo − a^r}; empty when the two coincide.
     */
    static Optional<Correction> ofDemonstration(Transition demonstration, Action proposed, MinMaxNormaliser actions,
                                                String learner) {
        Transition corrected = new Transition(demonstration.observation(), proposed,
                new Feedback.AbsoluteCorrection(demonstration.executed()), demonstration.executed(),
                demonstration.executedBy(), demonstration.next(), demonstration.reward(), demonstration.terminated(),
                demonstration.truncated(), demonstration.info(), demonstration.step());
        return of(corrected, Set.of(FeedbackKind.ABSOLUTE), actions, learner);
    }

    private static Action absolute(Feedback feedback) {
        if (feedback instanceof Feedback.AbsoluteCorrection c) {
            return c.action();
        } else if (feedback instanceof Feedback.PartialCorrection p) {
            return p.action();
        } else if (feedback instanceof Feedback.Takeover t) {
            return t.expertAction();
        } else if (feedback instanceof Feedback.Label l) {
            return l.expertAction();
        }
        throw new IllegalArgumentException("no absolute action in " + feedback);
    }
}
