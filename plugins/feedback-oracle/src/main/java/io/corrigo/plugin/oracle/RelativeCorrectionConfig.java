package io.corrigo.plugin.oracle;

import io.corrigo.api.Checks;

/**
 * Configuration of the {@code relative} feedback simulator: CLIC's "gimme" teacher, which gives
 * only a unit direction, under CLIC's protocol. In YAML:
 * {@code {id: relative, noise: {directionalDegrees: 45}}}.
 *
 * @param threshold    the teacher corrects only if {@code ‖a_T − a_rob‖₂ > threshold}, after
 *                     rescaling {@code a_T} to {@code max|a_T| ≤ 1}; default 0.2
 * @param consultEvery the teacher is consulted on episode steps {@code t} with
 *                     {@code t % consultEvery == 0}; default 2
 * @param banked       whether unused scheduled slots are banked and spent off-schedule (kept across
 *                     episodes); default {@code true}
 * @param delayed      whether the corrected action {@code clip(a_rob + magnitude·h)} is executed at
 *                     the next step (CLIC) rather than at once; default {@code true}
 * @param magnitude    CLIC's step {@code e}: the feedback's magnitude and the length of the executed
 *                     step along {@code h}, in action units; &gt; 0; default 0.2
 * @param noise        directional noise of the direction (CLIC applies no other noise to relative
 *                     feedback); default off; a {@code null} is read as the default
 * @param expert       how the scripted teacher is made suboptimal; default clean
 */
public record RelativeCorrectionConfig(double threshold, int consultEvery, boolean banked, boolean delayed,
                                       double magnitude, Noise noise, ExpertConfig expert) {

    /** CLIC's accurate relative teacher: threshold 0.2, every 2nd step, banked, delayed, e = 0.2. */
    public static final RelativeCorrectionConfig DEFAULTS = new RelativeCorrectionConfig(0.2, 2, true, true, 0.2,
            Noise.DEFAULTS, ExpertConfig.DEFAULTS);

    /** Validates every field, nested ones included, and reports all problems together. */
    public RelativeCorrectionConfig {
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
        expert.check(checks);
        checks.verify();
    }

    /** This configuration with {@code noise} instead. */
    public RelativeCorrectionConfig withNoise(Noise noise) {
        return new RelativeCorrectionConfig(threshold, consultEvery, banked, delayed, magnitude, noise, expert);
    }

    /** This configuration with {@code expert} instead. */
    public RelativeCorrectionConfig withExpert(ExpertConfig expert) {
        return new RelativeCorrectionConfig(threshold, consultEvery, banked, delayed, magnitude, noise, expert);
    }

    /**
     * CLIC's directional noise of a relative correction: the correction {@code d} is rotated by θ
     * in a random plane containing it before it is normalised.
     *
     * @param directionalDegrees     θ in degrees, in [0, 180]; needs at least 2 action dimensions;
     *                               default 0 (off)
     * @param directionalBiasDegrees {@code θ' = θ ± bias} with a random sign per correction, in
     *                               [0, 180], only with {@code directionalDegrees > 0}; default 0
     */
    public record Noise(double directionalDegrees, double directionalBiasDegrees) {

        /** An accurate direction. */
        public static final Noise DEFAULTS = new Noise(0, 0);

        boolean directional() {
            return directionalDegrees > 0;
        }

        void check(Checks checks) {
            checks.inRange("noise.directionalDegrees", directionalDegrees, 0, 180)
                    .inRange("noise.directionalBiasDegrees", directionalBiasDegrees, 0, 180)
                    .require("noise.directionalBiasDegrees", !(directionalBiasDegrees > 0) || directional(),
                            "has no effect while noise.directionalDegrees is 0; set both");
        }
    }
}
