package io.corrigo.plugin.oracle;

import io.corrigo.api.Checks;
import io.corrigo.plugin.oracle.AbsoluteCorrectionConfig.Noise;

/**
 * Configuration of the {@code partial} feedback simulator: CLIC's teacher correcting only the
 * action group with the larger error (spec §3.5). In YAML: {@code {id: partial}} or
 * {@code {id: partial, relative: true}}.
 *
 * @param threshold    the teacher corrects only if the whole {@code ‖a_T − a_rob‖₂ > threshold},
 *                     after rescaling {@code a_T} to {@code max|a_T| ≤ 1}; default 0.2
 * @param consultEvery the teacher is consulted on episode steps {@code t} with
 *                     {@code t % consultEvery == 0}; default 2
 * @param banked       whether unused scheduled slots are banked and spent off-schedule; default {@code true}
 * @param delayed      whether the correction is executed at the next step (CLIC); default {@code true}
 * @param relative     {@code false}: a {@code PartialCorrection} holding the teacher's values in the
 *                     corrected group and the proposal elsewhere; {@code true}: CLIC's relative partial
 *                     mode, a {@code RelativeCorrection} whose unit direction is zero outside the
 *                     corrected group; default {@code false}
 * @param magnitude    CLIC's step {@code e} of the relative mode (read only with {@code relative});
 *                     &gt; 0; default 0.2
 * @param noise        noise of the corrected group's correction, applied to that group's sub-vector
 *                     only; CLIC's partial branch has none (the default); with {@code relative} only
 *                     the directional models apply; a {@code null} is read as the default
 * @param expert       how the scripted teacher is made suboptimal; default clean
 */
public record PartialCorrectionConfig(double threshold, int consultEvery, boolean banked, boolean delayed,
                                      boolean relative, double magnitude, Noise noise, ExpertConfig expert) {

    /** CLIC's partial teacher: absolute values in the larger-error group, no noise. */
    public static final PartialCorrectionConfig DEFAULTS = new PartialCorrectionConfig(0.2, 2, true, true, false, 0.2,
            Noise.DEFAULTS, ExpertConfig.DEFAULTS);

    /** Validates every field, nested ones included, and reports all problems together. */
    public PartialCorrectionConfig {
        if (noise == null) {
            noise = Noise.DEFAULTS;
        }
        if (expert == null) {
            expert = ExpertConfig.DEFAULTS;
        }
        Checks checks = new Checks()
                .nonNegative("threshold", threshold)
                .atLeast("consultEvery", consultEvery, 1)
                .require("magnitude", magnitude > 0 && Double.isFinite(magnitude),
                        "must be a finite number > 0 but was " + magnitude);
        noise.check(checks);
        checks.require("noise.magnitudeMax", !relative || noise.magnitudeMax() == 0,
                        "has no effect on a relative correction, which is normalised; use 0")
                .require("noise.gaussian", !relative || !noise.gaussian(),
                        "does not apply to a relative correction (CLIC applies only directional noise there)");
        expert.check(checks);
        checks.verify();
    }

    /** This configuration in the relative ({@code true}) or absolute partial mode. */
    public PartialCorrectionConfig withRelative(boolean relative) {
        return new PartialCorrectionConfig(threshold, consultEvery, banked, delayed, relative, magnitude, noise, expert);
    }

    /** This configuration with {@code noise} instead. */
    public PartialCorrectionConfig withNoise(Noise noise) {
        return new PartialCorrectionConfig(threshold, consultEvery, banked, delayed, relative, magnitude, noise, expert);
    }

    /** This configuration with {@code expert} instead. */
    public PartialCorrectionConfig withExpert(ExpertConfig expert) {
        return new PartialCorrectionConfig(threshold, consultEvery, banked, delayed, relative, magnitude, noise, expert);
    }
}
