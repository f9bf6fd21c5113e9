package io.corrigo.plugin.oracle;

import io.corrigo.api.Checks;

/**
 * Configuration of the {@code absolute} feedback simulator: CLIC's teacher protocol and its noise
 * models. In YAML: {@code {id: absolute, label: directional-45, noise: {directionalDegrees: 45}}}.
 *
 * @param threshold    the teacher corrects only if {@code ‖a_T − a_rob‖₂ > threshold}, after
 *                     rescaling {@code a_T} to {@code max|a_T| ≤ 1}; default 0.2 (CLIC's simulated tasks)
 * @param consultEvery the teacher is consulted on episode steps {@code t} with
 *                     {@code t % consultEvery == 0}; default 2 (CLIC's {@code oracle_teaching_how_offen})
 * @param banked       whether unused scheduled slots are banked and spent on off-schedule
 *                     corrections (the bank is kept across episodes); {@code false} consults on
 *                     schedule only; default {@code true} (CLIC)
 * @param delayed      whether a correction is executed at the next step, as in CLIC's loop;
 *                     {@code false} executes it at the step it is given; default {@code true}
 * @param noise        how the teacher's corrections are corrupted; default {@link Noise#DEFAULTS}
 *                     (accurate); a {@code null} is read as the default
 * @param expert       how the scripted teacher is made suboptimal before it corrects; default
 *                     {@link ExpertConfig#DEFAULTS} (clean); a {@code null} is read as the default
 */
public record AbsoluteCorrectionConfig(double threshold, int consultEvery, boolean banked, boolean delayed,
                                       Noise noise, ExpertConfig expert) {

    /** CLIC's accurate simulated teacher: threshold 0.2, every 2nd step, banked, one-step delay. */
    public static final AbsoluteCorrectionConfig DEFAULTS = new AbsoluteCorrectionConfig(0.2, 2, true, true,
            Noise.DEFAULTS, ExpertConfig.DEFAULTS);

    /** Validates every field, those of {@code noise} and {@code expert} included, and reports all problems together. */
    public AbsoluteCorrectionConfig {
        if (noise == null) {
            noise = Noise.DEFAULTS;
        }
        if (expert == null) {
            expert = ExpertConfig.DEFAULTS;
        }
        Checks checks = new Checks()
                .nonNegative("threshold", threshold)
                .atLeast("consultEvery", consultEvery, 1);
        noise.check(checks);
        expert.check(checks);
        checks.verify();
    }

    /** CLIC's protocol with the clean expert. */
    public AbsoluteCorrectionConfig(double threshold, int consultEvery, boolean banked, boolean delayed, Noise noise) {
        this(threshold, consultEvery, banked, delayed, noise, ExpertConfig.DEFAULTS);
    }

    /** This configuration with {@code noise} instead. */
    public AbsoluteCorrectionConfig withNoise(Noise noise) {
        return new AbsoluteCorrectionConfig(threshold, consultEvery, banked, delayed, noise, expert);
    }

    /** This configuration with {@code expert} instead. */
    public AbsoluteCorrectionConfig withExpert(ExpertConfig expert) {
        return new AbsoluteCorrectionConfig(threshold, consultEvery, banked, delayed, noise, expert);
    }

    /**
     * CLIC's noise models for absolute corrections, applied to {@code d = a_T − a_rob} in this
     * order: directional, magnitude, Gaussian; the result {@code a_rob + d̃ (+ ε)} is clipped into
     * the action space. Validated by the enclosing {@link AbsoluteCorrectionConfig}, so that
     * problems at both levels are reported together.
     *
     * @param directionalDegrees     rotation θ of {@code d} in a random plane containing it, in
     *                               degrees, norm kept; in [0, 180]; needs at least 2 action
     *                               dimensions; default 0 (off; CLIC's directional condition uses 45)
     * @param directionalBiasDegrees bias of the rotation, {@code θ' = θ ± bias} with a random sign
     *                               per correction; in [0, 180], only with {@code directionalDegrees > 0};
     *                               default 0 (off; CLIC's biased variant uses 15)
     * @param magnitudeMax           scales {@code d̃} by {@code c ~ U(0.001, magnitudeMax)}; 0 or
     *                               greater than 0.001; default 0 (off)
     * @param gaussian               adds {@code ε ~ N(0, σ² I)}, {@code σ = gaussianScale·‖d‖};
     *                               default {@code false}
     * @param gaussianScale          σ per unit of {@code ‖d‖}, read only with {@code gaussian}; &gt; 0;
     *                               default 0.5 (CLIC's {@code σ = ‖d‖/2})
     */
    public record Noise(double directionalDegrees, double directionalBiasDegrees, double magnitudeMax,
                        boolean gaussian, double gaussianScale) {

        /** An accurate teacher: every noise model off, Gaussian scale ½ ready for {@code gaussian: true}. */
        public static final Noise DEFAULTS = new Noise(0, 0, 0, false, 0.5);

        /** Whether directional noise is on. */
        boolean directional() {
            return directionalDegrees > 0;
        }

        /** Whether magnitude noise is on. */
        boolean magnitude() {
            return magnitudeMax > 0;
        }

        void check(Checks checks) {
            checks.inRange("noise.directionalDegrees", directionalDegrees, 0, 180)
                    .inRange("noise.directionalBiasDegrees", directionalBiasDegrees, 0, 180)
                    .require("noise.directionalBiasDegrees", !(directionalBiasDegrees > 0) || directional(),
                            "has no effect while noise.directionalDegrees is 0; set both (CLIC's biased"
                                    + " variant: 45 and 15)")
                    .require("noise.magnitudeMax", magnitudeMax == 0
                                    || (magnitudeMax > MagnitudeNoise.MIN_FACTOR && Double.isFinite(magnitudeMax)),
                            "must be 0 (off) or a finite number > 0.001 but was " + magnitudeMax)
                    .require("noise.gaussianScale", gaussianScale > 0 && Double.isFinite(gaussianScale),
                            "must be a finite number > 0 but was " + gaussianScale);
        }
    }
}
