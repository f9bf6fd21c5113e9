package io.corrigo.plugin.oracle;

import io.corrigo.api.Checks;

/**
 * Configuration of the {@code value} intervention gate: RLIF's value-based overseer in its
 * difference form, with Q estimated from the environment's state value by lookahead. In YAML:
 * {@code {id: value, estimator: rollout, horizon: 10, delta: 0.1}}.
 *
 * @param estimator     how {@code Q(s, a)} is estimated; default {@link Estimator#ONE_STEP}
 * @param horizon       expert steps after {@code a} in a {@code rollout} estimate (read only there);
 *                      &gt;= 1; default 10 (the spec suggests 5–20)
 * @param delta         δ: the decision is to intervene when {@code Q(s, a_ref) − Q(s, a_learner) > δ},
 *                      in the environment's reward/value units; &gt;= 0; default 0.05
 * @param beta          β: the overseer intervenes with probability β when the decision is to
 *                      intervene and with 1 − β otherwise; in [0.5, 1]; default 0.95 (RLIF's setting)
 * @param takeoverSteps steps the expert keeps control once it intervenes, k; &gt;= 1; default 4 (RLIF)
 * @param expert        how the intervening expert is made suboptimal (the judging reference stays the
 *                      clean scripted teacher); default clean
 */
public record ValueGateConfig(Estimator estimator, int horizon, double delta, double beta, int takeoverSteps,
                              ExpertConfig expert) {

    /** RLIF's overseer (β 0.95, k 4) judging by a one-step lookahead, δ 0.05. */
    public static final ValueGateConfig DEFAULTS = new ValueGateConfig(Estimator.ONE_STEP, 10, 0.05, 0.95, 4,
            ExpertConfig.DEFAULTS);

    /** Validates every field, {@code expert} included, and reports all problems together. */
    public ValueGateConfig {
        if (estimator == null) {
            estimator = Estimator.ONE_STEP;
        }
        if (expert == null) {
            expert = ExpertConfig.DEFAULTS;
        }
        Checks checks = new Checks()
                .atLeast("horizon", horizon, 1)
                .require("delta", delta >= 0 && Double.isFinite(delta), "must be a finite number >= 0 but was " + delta)
                .inRange("beta", beta, 0.5, 1)
                .atLeast("takeoverSteps", takeoverSteps, 1);
        expert.check(checks);
        checks.verify();
    }

    /** This configuration with the given estimator and horizon. */
    public ValueGateConfig withEstimator(Estimator estimator, int horizon) {
        return new ValueGateConfig(estimator, horizon, delta, beta, takeoverSteps, expert);
    }

    /** This configuration with the given δ and β. */
    public ValueGateConfig withDecision(double delta, double beta) {
        return new ValueGateConfig(estimator, horizon, delta, beta, takeoverSteps, expert);
    }

    /** This configuration with {@code expert} instead. */
    public ValueGateConfig withExpert(ExpertConfig expert) {
        return new ValueGateConfig(estimator, horizon, delta, beta, takeoverSteps, expert);
    }

    /** How {@code Q(s, a)} is estimated, always from a snapshot that is restored afterwards. */
    public enum Estimator {
        /** {@code r + V(s')}: one step with {@code a}, then the environment's {@code value()}. */
        ONE_STEP,
        /**
         * {@code r + Σ r_h + V(s_end)}: one step with {@code a}, then the clean expert for
         * {@code horizon} steps (fewer if the episode ends), then {@code value()}.
         */
        ROLLOUT
    }
}
