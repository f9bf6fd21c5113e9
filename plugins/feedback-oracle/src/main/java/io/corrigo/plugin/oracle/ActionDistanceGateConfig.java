package io.corrigo.plugin.oracle;

import io.corrigo.api.Checks;

/**
 * Configuration of the {@code action-distance} intervention gate: the overseer takes over when the
 * learner's proposal is far from the expert's action (HG-DAgger; the RLIF repo's {@code binary}
 * strategy). In YAML: {@code {id: action-distance, threshold: 0.5}}. RLIF's Pen overseer is about
 * {@code {norm: l1, threshold: 12, hitProbability: 0.95, missProbability: 0.05, missDecay: 0.1}}
 * (its hit probability is {@code 1 − ε(n)}, rising from 0.95 towards 1; here it is constant).
 *
 * @param norm            how the distance {@code ‖a_exp − a_learner‖} is measured; default {@link Norm#L2}
 * @param threshold       the overseer intervenes (with {@code hitProbability}) when the distance is
 *                        {@code >= threshold}, in action units; &gt; 0; default 0.2
 * @param hitProbability  probability of intervening when the distance reaches the threshold; in
 *                        [0, 1]; default 1
 * @param missProbability probability of intervening below the threshold in the first training
 *                        episode, {@code ε₀}; in [0, 1]; default 0 (a learner that matches the expert
 *                        is never interrupted)
 * @param missDecay       below the threshold the overseer intervenes with probability
 *                        {@code ε₀·exp(−missDecay·n)}, n counting earlier training episodes; &gt;= 0;
 *                        default 0 (constant)
 * @param takeoverSteps   steps the expert keeps control once it intervenes, k; &gt;= 1; default 4 (RLIF)
 * @param expert          how the intervening expert is made suboptimal; default clean
 */
public record ActionDistanceGateConfig(Norm norm, double threshold, double hitProbability, double missProbability,
                                       double missDecay, int takeoverSteps, ExpertConfig expert) {

    /** A deterministic overseer: takes over for 4 steps whenever the L2 distance reaches 0.2. */
    public static final ActionDistanceGateConfig DEFAULTS = new ActionDistanceGateConfig(Norm.L2, 0.2, 1, 0, 0, 4,
            ExpertConfig.DEFAULTS);

    /** Validates every field, {@code expert} included, and reports all problems together. */
    public ActionDistanceGateConfig {
        if (norm == null) {
            norm = Norm.L2;
        }
        if (expert == null) {
            expert = ExpertConfig.DEFAULTS;
        }
        Checks checks = new Checks()
                .require("threshold", threshold > 0 && Double.isFinite(threshold),
                        "must be a finite number > 0 but was " + threshold)
                .inRange("hitProbability", hitProbability, 0, 1)
                .inRange("missProbability", missProbability, 0, 1)
                .require("missDecay", missDecay >= 0 && Double.isFinite(missDecay),
                        "must be a finite number >= 0 but was " + missDecay)
                .atLeast("takeoverSteps", takeoverSteps, 1);
        expert.check(checks);
        checks.verify();
    }

    /** This configuration with the given probabilities of intervening, and decay below the threshold. */
    public ActionDistanceGateConfig withProbabilities(double hitProbability, double missProbability, double missDecay) {
        return new ActionDistanceGateConfig(norm, threshold, hitProbability, missProbability, missDecay,
                takeoverSteps, expert);
    }

    /** This configuration with {@code expert} instead. */
    public ActionDistanceGateConfig withExpert(ExpertConfig expert) {
        return new ActionDistanceGateConfig(norm, threshold, hitProbability, missProbability, missDecay,
                takeoverSteps, expert);
    }

    /** A vector norm for action distances. */
    public enum Norm {
        /** Sum of absolute differences (the RLIF repo's choice). */
        L1,
        /** Euclidean distance. */
        L2;

        double of(double[] v) {
            if (this == L2) {
                return Vectors.norm(v);
            }
            double sum = 0;
            for (double x : v) {
                sum += Math.abs(x);
            }
            return sum;
        }
    }
}
