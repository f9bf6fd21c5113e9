package io.corrigo.api.feedback;

import io.corrigo.api.Action;
import java.util.Set;

/**
 * What a (simulated) human said at one step about the action the learner proposed there.
 * Learners declare the {@link FeedbackKind}s they accept; the host never pairs a learner with a
 * simulator that produces a kind it does not accept.
 *
 * @since 1.0
 */
public sealed interface Feedback {

    /** The kind of this feedback. */
    FeedbackKind kind();

    /** Nothing was said. */
    record None() implements Feedback {
        private static final None INSTANCE = new None();

        /** The single instance. */
        public static None instance() {
            return INSTANCE;
        }

        @Override
        public FeedbackKind kind() {
            return FeedbackKind.NONE;
        }
    }

    /** The human gave the action they want instead (possibly noisy). */
    record AbsoluteCorrection(Action action) implements Feedback {
        public AbsoluteCorrection {
            require(action != null, "action is required");
        }

        @Override
        public FeedbackKind kind() {
            return FeedbackKind.ABSOLUTE;
        }
    }

    /**
     * The human gave only a direction: the desired action is {@code proposed + magnitude·direction}
     * for some unknown positive step, {@code magnitude} being the conventional step (CLIC's e).
     */
    record RelativeCorrection(Action direction, double magnitude) implements Feedback {
        public RelativeCorrection {
            require(direction != null, "direction is required");
            require(Math.abs(direction.norm() - 1) < 1e-3, "direction must be a unit vector: " + direction);
            require(magnitude > 0 && Double.isFinite(magnitude), "magnitude must be > 0: " + magnitude);
        }

        @Override
        public FeedbackKind kind() {
            return FeedbackKind.RELATIVE;
        }
    }

    /**
     * The human corrected only some dimensions. {@code action} holds the teacher's values in
     * {@code corrected} and the learner's own proposal elsewhere, so {@code action − proposed} is
     * zero in the uncorrected dimensions.
     */
    record PartialCorrection(Action action, Set<Integer> corrected) implements Feedback {
        public PartialCorrection {
            require(action != null, "action is required");
            corrected = Set.copyOf(corrected);
            require(!corrected.isEmpty(), "at least one dimension must be corrected");
            require(corrected.stream().allMatch(d -> d >= 0 && d < action.size()),
                    "corrected dimensions must index the action: " + corrected);
        }

        @Override
        public FeedbackKind kind() {
            return FeedbackKind.PARTIAL;
        }
    }

    /**
     * The human took control: {@code expertAction} is executed now, and control stays with the
     * human for {@code stepsLeft} more steps. {@code started} marks the first step of a takeover.
     */
    record Takeover(Action expertAction, int stepsLeft, boolean started) implements Feedback {
        public Takeover {
            require(expertAction != null, "expertAction is required");
            require(stepsLeft >= 0, "stepsLeft must be >= 0: " + stepsLeft);
        }

        @Override
        public FeedbackKind kind() {
            return FeedbackKind.TAKEOVER;
        }
    }

    /** The visited state was labelled with the expert's action after the fact (DAgger). */
    record Label(Action expertAction) implements Feedback {
        public Label {
            require(expertAction != null, "expertAction is required");
        }

        @Override
        public FeedbackKind kind() {
            return FeedbackKind.LABEL;
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
