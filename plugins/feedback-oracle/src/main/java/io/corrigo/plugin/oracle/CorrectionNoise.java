package io.corrigo.plugin.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One stage of CLIC's non-perfect teacher: perturbs the correction vector {@code d = a_T − a_rob}.
 * Stages compose in CLIC's order: directional, magnitude, Gaussian.
 */
interface CorrectionNoise {

    /**
     * The perturbed correction.
     *
     * @param correction the correction as perturbed by the earlier stages
     * @param original   the clean correction {@code d}, which sets the Gaussian scale
     * @param random     the simulator's feedback stream
     */
    double[] apply(double[] correction, double[] original, RandomGenerator random);

    /** The stages switched on in {@code noise}, in CLIC's order; empty for an accurate teacher. */
    static List<CorrectionNoise> of(AbsoluteCorrectionConfig.Noise noise) {
        List<CorrectionNoise> stages = new ArrayList<>();
        if (noise.directional()) {
            stages.add(new DirectionalNoise(noise.directionalDegrees(), noise.directionalBiasDegrees()));
        }
        if (noise.magnitude()) {
            stages.add(new MagnitudeNoise(noise.magnitudeMax()));
        }
        if (noise.gaussian()) {
            stages.add(new GaussianNoise(noise.gaussianScale()));
        }
        return List.copyOf(stages);
    }
}
