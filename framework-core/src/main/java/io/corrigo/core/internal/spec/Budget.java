package io.corrigo.core.internal.spec;

import io.corrigo.api.Checks;

/**
 * How much each trial trains and how it is evaluated.
 *
 * @param episodes     interactive training episodes per trial (default 20); 0 only with a
 *                     demonstration phase (a purely offline study)
 * @param evalEvery    evaluate after every this many training episodes, and after the last (default 5)
 * @param evalEpisodes evaluation episodes per evaluation point, on fixed seeds, without feedback (default 10)
 */
public record Budget(int episodes, int evalEvery, int evalEpisodes) {

    /** The defaults. */
    public static final Budget DEFAULTS = new Budget(20, 5, 10);

    public Budget {
        new Checks().nonNegative("episodes", episodes).atLeast("evalEvery", evalEvery, 1)
                .atLeast("evalEpisodes", evalEpisodes, 1).verify();
    }
}
