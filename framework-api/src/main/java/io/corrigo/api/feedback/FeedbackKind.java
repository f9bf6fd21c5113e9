package io.corrigo.api.feedback;

/**
 * The kinds of {@link Feedback}, for declaring what a simulator produces and a learner accepts.
 *
 * @since 1.0
 */
public enum FeedbackKind {
    /** {@link Feedback.None}. */
    NONE,
    /** {@link Feedback.AbsoluteCorrection}. */
    ABSOLUTE,
    /** {@link Feedback.RelativeCorrection}. */
    RELATIVE,
    /** {@link Feedback.PartialCorrection}. */
    PARTIAL,
    /** {@link Feedback.Takeover}. */
    TAKEOVER,
    /** {@link Feedback.Label}. */
    LABEL;

    /** The id used in YAML and listings, e.g. {@code "absolute"}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
