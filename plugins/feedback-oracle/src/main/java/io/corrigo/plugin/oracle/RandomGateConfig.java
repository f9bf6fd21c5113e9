package io.corrigo.plugin.oracle;

import io.corrigo.api.Checks;

/**
 * Configuration of the {@code random} intervention gate: the overseer takes over regardless of
 * what the learner does (RLIF's random-intervention variant). In YAML:
 * {@code {id: random, probability: 0.5, takeoverSteps: 1}} (RLIF's Hopper setting) or
 * {@code {id: random, schedule: episodic}}.
 *
 * @param schedule      when the overseer intervenes; default {@link Schedule#PER_STEP}
 * @param probability   with {@code per-step}, the probability of intervening at each step it is not
 *                      in control (read only there); in [0, 1]; default 0.1
 * @param takeoverSteps steps the expert keeps control once it intervenes, k; &gt;= 1; default 4
 * @param expert        how the intervening expert is made suboptimal; default clean
 */
public record RandomGateConfig(Schedule schedule, double probability, int takeoverSteps, ExpertConfig expert) {

    /** Intervenes with probability 0.1 per step, for 4 steps. */
    public static final RandomGateConfig DEFAULTS = new RandomGateConfig(Schedule.PER_STEP, 0.1, 4,
            ExpertConfig.DEFAULTS);

    /** Validates every field, {@code expert} included, and reports all problems together. */
    public RandomGateConfig {
        if (schedule == null) {
            schedule = Schedule.PER_STEP;
        }
        if (expert == null) {
            expert = ExpertConfig.DEFAULTS;
        }
        Checks checks = new Checks()
                .inRange("probability", probability, 0, 1)
                .atLeast("takeoverSteps", takeoverSteps, 1);
        expert.check(checks);
        checks.verify();
    }

    /** This configuration with {@code expert} instead. */
    public RandomGateConfig withExpert(ExpertConfig expert) {
        return new RandomGateConfig(schedule, probability, takeoverSteps, expert);
    }

    /** When a random overseer intervenes. */
    public enum Schedule {
        /** An independent coin with {@code probability} at every step outside a takeover. */
        PER_STEP,
        /**
         * Once per training episode, at a step drawn uniformly from {@code 1..maxSteps − k + 1} of
         * the environment's step limit (an episode that ends earlier sees no takeover).
         */
        EPISODIC
    }
}
