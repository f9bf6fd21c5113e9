package io.corrigo.plugin.oracle;

import io.corrigo.api.Checks;

/**
 * Configuration of the {@code dagger} feedback simulator: DAgger's expert relabelling with a
 * β-mixture of who acts. In YAML: {@code {id: dagger, betaSchedule: exponential, betaDecay: 0.7}}.
 *
 * @param betaSchedule how β, the probability that the expert's action is executed at a step,
 *                     falls over training episodes i = 0, 1, …; default {@link BetaSchedule#LINEAR}
 * @param betaEpisodes N of the linear schedule, {@code β_i = max(0, 1 − i/N)} (read only there);
 *                     &gt;= 1; default 15 (the {@code imitation} library's rounds)
 * @param betaDecay    p of the exponential schedule, {@code β_i = p^i} (read only there); in [0, 1];
 *                     default 0.5
 * @param expert       how the labelling expert is made suboptimal; default clean
 */
public record DaggerConfig(BetaSchedule betaSchedule, int betaEpisodes, double betaDecay, ExpertConfig expert) {

    /** β falls linearly from 1 to 0 over 15 episodes. */
    public static final DaggerConfig DEFAULTS = new DaggerConfig(BetaSchedule.LINEAR, 15, 0.5, ExpertConfig.DEFAULTS);

    /** Validates every field, {@code expert} included, and reports all problems together. */
    public DaggerConfig {
        if (betaSchedule == null) {
            betaSchedule = BetaSchedule.LINEAR;
        }
        if (expert == null) {
            expert = ExpertConfig.DEFAULTS;
        }
        Checks checks = new Checks()
                .atLeast("betaEpisodes", betaEpisodes, 1)
                .inRange("betaDecay", betaDecay, 0, 1);
        expert.check(checks);
        checks.verify();
    }

    /** This configuration with {@code expert} instead. */
    public DaggerConfig withExpert(ExpertConfig expert) {
        return new DaggerConfig(betaSchedule, betaEpisodes, betaDecay, expert);
    }

    /** β in training episode {@code i} (0 for the first). */
    double beta(int i) {
        return switch (betaSchedule) {
            case LINEAR -> Math.max(0, 1 - (double) i / betaEpisodes);
            case EXPONENTIAL -> Math.pow(betaDecay, i);
        };
    }

    /** DAgger's schedules of β. */
    public enum BetaSchedule {
        /** {@code β_i = max(0, 1 − i/betaEpisodes)}. */
        LINEAR,
        /** {@code β_i = betaDecay^i} (Ross et al.'s {@code p^i}). */
        EXPONENTIAL
    }
}
