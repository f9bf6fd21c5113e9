package io.corrigo.plugin.toys;

import io.corrigo.api.Checks;

/**
 * Configuration of the CLIC desired-action toys ({@code toy-ball}, {@code toy-square},
 * {@code toy-two-circles}; clic.md §8.2). The repository's toys never report success, so success is
 * judged by the in-set rate: the fraction of the episode's executed actions that lie in the desired set.
 *
 * @param maxSteps         steps per episode (there is no early end); the CLIC repository uses 500,
 *                         clic.md §11 suggests 100 for CPU runs; default 100
 * @param successInSetRate in-set rate over the whole episode at or above which its last step counts
 *                         as a success; in (0, 1]; default 0.9
 * @param reset            {@code random}: the reset seed draws the first state (default); {@code original}:
 *                         as the CLIC repository, every episode starts at state 0 and the first step
 *                         returns state 0 again (0, 0, 1, 2, …)
 * @param observations     {@code normalised}: the observation box is declared tight, [0, 0.1] per
 *                         dimension, so a learner's min–max normalisation feeds its network ±1 (default);
 *                         {@code raw}: the box is declared [−1, 1], on which min–max normalisation is the
 *                         identity, so networks see the 0.1-scaled one-hot itself, as the repository's do
 */
public record DesiredActionConfig(int maxSteps, double successInSetRate, Reset reset, Observations observations) {

    /** Where an episode starts. */
    public enum Reset { RANDOM, ORIGINAL }

    /** Which observation box is declared, and so what a min–max-normalising learner's network sees. */
    public enum Observations { NORMALISED, RAW }

    /** The CPU-sized episode of clic.md §11 and a 90 % in-set rate. */
    public static final DesiredActionConfig DEFAULTS = new DesiredActionConfig(100, 0.9);

    /** A random first state and the tight observation box. */
    public DesiredActionConfig(int maxSteps, double successInSetRate) {
        this(maxSteps, successInSetRate, Reset.RANDOM, Observations.NORMALISED);
    }

    public DesiredActionConfig {
        reset = reset == null ? Reset.RANDOM : reset;
        observations = observations == null ? Observations.NORMALISED : observations;
        new Checks()
                .atLeast("maxSteps", maxSteps, 1)
                .require("successInSetRate", successInSetRate > 0 && successInSetRate <= 1,
                        "must be in (0, 1] but was " + successInSetRate)
                .verify();
    }
}
