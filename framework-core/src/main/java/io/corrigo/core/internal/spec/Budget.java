package io.corrigo.core.internal.spec;

import io.corrigo.api.Checks;

/**
 * How much each trial trains and how it is evaluated.
 *
 * @param episodes     interactive training episodes per trial (default 20); 0 only with a
 *                     demonstration phase (a purely offline study)
 * @param evalEvery    evaluate after every this many training episodes, and after the last (default 5)
 * @param evalEpisodes evaluation episodes per evaluation point, on fixed seeds, without feedback (default 10)
 * @param trialTimeLimit seconds a trial may run before it fails as timed out, a hung plugin call
 *                     included (default 21600, six hours; 0: no limit)
 * @param memoryLimit  megabytes of resident memory the host process may reach while a trial runs
 *                     (checked after every episode and evaluation; the trial that finds it exceeded
 *                     fails with the figures); 0: no limit (default)
 * @param recordEvaluations evaluation rollouts recorded for replay at each evaluation point, the first
 *                     ones on the fixed evaluation seeds (default 1; 0: none)
 * @param drawsPerState at each evaluation point, also draw the policy's action this many times,
 *                     independently, at every state of an environment that lists its states and desired
 *                     actions (CLIC's desired-action toys), and record the in-set rate of the draws as
 *                     the metrics {@code eval.inSetPerState} (over all states) and
 *                     {@code eval.inSetWorstState} (the lowest state's); 0: off (default)
 */
public record Budget(int episodes, int evalEvery, int evalEpisodes, int trialTimeLimit, int memoryLimit,
                     int recordEvaluations, int drawsPerState) {

    /** The default trial time limit in seconds: far above any CPU trial of the shipped studies (~12 min). */
    public static final int DEFAULT_TRIAL_TIME_LIMIT = 21_600;

    /** The defaults. */
    public static final Budget DEFAULTS = new Budget(20, 5, 10, DEFAULT_TRIAL_TIME_LIMIT, 0, 1, 0);

    public Budget {
        new Checks().nonNegative("episodes", episodes).atLeast("evalEvery", evalEvery, 1)
                .atLeast("evalEpisodes", evalEpisodes, 1).nonNegative("trialTimeLimit", trialTimeLimit).nonNegative("memoryLimit", memoryLimit)
                .nonNegative("recordEvaluations", recordEvaluations).inRange("drawsPerState", drawsPerState, 0, 100_000)
                .verify();
    }

    /** A budget without a memory limit, recording one evaluation rollout per evaluation. */
    public Budget(int episodes, int evalEvery, int evalEpisodes, int trialTimeLimit) {
        this(episodes, evalEvery, evalEpisodes, trialTimeLimit, 0, 1, 0);
    }

    /** A budget with the default trial time limit. */
    public Budget(int episodes, int evalEvery, int evalEpisodes) {
        this(episodes, evalEvery, evalEpisodes, DEFAULT_TRIAL_TIME_LIMIT, 0, 1, 0);
    }
}
