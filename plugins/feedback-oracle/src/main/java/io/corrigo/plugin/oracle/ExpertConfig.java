package io.corrigo.plugin.oracle;

import io.corrigo.api.Checks;

/**
 * The {@code expert} block shared by every simulator of this bundle: how the scripted teacher is
 * made suboptimal before the simulator uses its action (RLIF's graded experts, baselines spec
 * §1.6). In YAML: {@code expert: {degradation: gaussian, targetSuccess: 0.4}}. Validated by the
 * enclosing configuration, so that its problems are reported as {@code expert.*} with the others.
 *
 * @param degradation         how the expert's action is corrupted; default {@link Degradation#NONE}
 *                            (a {@code null} is read as the default)
 * @param level               the strength of the degradation, in the unit of {@code degradation};
 *                            &gt;= 0, must be 0 with {@code none} and while {@code targetSuccess} is set
 *                            (then it is calibrated); default 0
 * @param targetSuccess       if set (not NaN), the success rate in (0, 1) the degraded expert alone
 *                            should reach: {@code level} is calibrated by bisection when the
 *                            simulator is created and recorded in the trial's notes; default NaN (off)
 * @param calibrationEpisodes seeded episodes per success-rate estimate of the calibration, &gt;= 1;
 *                            more is slower and more precise (one episode is 1/n of rate); default 50
 */
public record ExpertConfig(Degradation degradation, double level, double targetSuccess, int calibrationEpisodes) {

    /** The clean scripted expert. */
    public static final ExpertConfig DEFAULTS = new ExpertConfig(Degradation.NONE, 0, Double.NaN, 50);

    /** Reads a missing degradation as {@link Degradation#NONE}; validation is the enclosing record's. */
    public ExpertConfig {
        if (degradation == null) {
            degradation = Degradation.NONE;
        }
    }

    /**
     * How the expert's action {@code a} is degraded. Levels are in units of the action space's
     * half-width {@code w_i = (high_i − low_i)/2}, except where noted. The result is not clipped:
     * the simulator treats it as it treats a clean teacher action.
     */
    public enum Degradation {
        /** The expert's own action. */
        NONE(0),
        /** {@code a_i + level·w_i·N(0, 1)} per dimension and step: level is σ in half-widths. */
        GAUSSIAN(3),
        /** With probability {@code level} in [0, 1] per step, a uniform random action instead. */
        EPSILON_RANDOM(1),
        /** A constant offset {@code a_i + level·w_i/√n} along the diagonal: ‖offset‖ is level half-widths. */
        BIAS(2),
        /**
         * {@code a − c} rotated by {@code level} degrees in [0, 180] in a random plane per step, about
         * the action space's centre {@code c} (CLIC's directional noise applied to the action); needs
         * at least 2 action dimensions.
         */
        ROTATION(180);

        private final double maxLevel;

        Degradation(double maxLevel) {
            this.maxLevel = maxLevel;
        }

        /** The upper end of the calibration's search interval (and of the valid range where bounded). */
        double maxLevel() {
            return maxLevel;
        }
    }

    /** Whether {@code level} is to be calibrated against {@code targetSuccess}. */
    boolean calibrated() {
        return !Double.isNaN(targetSuccess);
    }

    /** Adds this block's problems to {@code checks}, named {@code expert.*}. */
    void check(Checks checks) {
        boolean none = degradation == Degradation.NONE;
        checks.require("expert.level", level >= 0 && Double.isFinite(level),
                        "must be a finite number >= 0 but was " + level)
                .require("expert.level", !(level > 1) || degradation != Degradation.EPSILON_RANDOM,
                        "is a probability with epsilon-random and must be <= 1 but was " + level)
                .require("expert.level", !(level > 180) || degradation != Degradation.ROTATION,
                        "is an angle in degrees with rotation and must be <= 180 but was " + level)
                .require("expert.level", !(level > 0) || !none,
                        "has no effect while expert.degradation is none; choose a degradation")
                .require("expert.level", !(level > 0) || !calibrated(),
                        "is calibrated when expert.targetSuccess is set; leave it 0")
                .require("expert.targetSuccess", !calibrated() || (targetSuccess > 0 && targetSuccess < 1),
                        "must be in (0, 1), or NaN for no calibration, but was " + targetSuccess)
                .require("expert.targetSuccess", !calibrated() || !none,
                        "needs a degradation to calibrate; set expert.degradation")
                .atLeast("expert.calibrationEpisodes", calibrationEpisodes, 1);
    }
}
