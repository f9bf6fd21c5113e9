package io.corrigo.plugin.toys;

import io.corrigo.api.Checks;

/**
 * Configuration of {@code toy-two-circles}: the toys' settings and which disc the teacher labels.
 *
 * @param maxSteps         steps per episode (as {@link DesiredActionConfig}); default 100
 * @param successInSetRate in-set rate for success (as {@link DesiredActionConfig}); default 0.9
 * @param teacherDisc      {@code nearer}: mirror the proposal into the disc nearer to it (CLIC's
 *                         teacher, default); {@code random}: into either disc with probability ½ per
 *                         answer — a teacher whose labels for one state come from both modes, the case
 *                         in which regression to the mean lands between the discs
 * @param reset            where episodes start (as {@link DesiredActionConfig}); default random
 * @param observations     the declared observation box (as {@link DesiredActionConfig}); default normalised
 */
public record TwoCirclesConfig(int maxSteps, double successInSetRate, TeacherDisc teacherDisc,
                               DesiredActionConfig.Reset reset, DesiredActionConfig.Observations observations) {

    /** Which disc the teacher mirrors a proposal into. */
    public enum TeacherDisc { NEARER, RANDOM }

    /** CLIC's teacher on the CPU-sized episode. */
    public static final TwoCirclesConfig DEFAULTS = new TwoCirclesConfig(100, 0.9, TeacherDisc.NEARER);

    /** A random first state and the tight observation box. */
    public TwoCirclesConfig(int maxSteps, double successInSetRate, TeacherDisc teacherDisc) {
        this(maxSteps, successInSetRate, teacherDisc, DesiredActionConfig.Reset.RANDOM,
                DesiredActionConfig.Observations.NORMALISED);
    }

    public TwoCirclesConfig {
        teacherDisc = teacherDisc == null ? TeacherDisc.NEARER : teacherDisc;
        reset = reset == null ? DesiredActionConfig.Reset.RANDOM : reset;
        observations = observations == null ? DesiredActionConfig.Observations.NORMALISED : observations;
        new Checks()
                .atLeast("maxSteps", maxSteps, 1)
                .require("successInSetRate", successInSetRate > 0 && successInSetRate <= 1,
                        "must be in (0, 1] but was " + successInSetRate)
                .verify();
    }

    DesiredActionConfig episode() {
        return new DesiredActionConfig(maxSteps, successInSetRate, reset, observations);
    }
}
