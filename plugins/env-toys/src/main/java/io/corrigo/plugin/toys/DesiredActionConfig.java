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
 */
public record DesiredActionConfig(int maxSteps, double successInSetRate) {

    /** The CPU-sized episode of clic.md §11 and a 90 % in-set rate. */
    public static final DesiredActionConfig DEFAULTS = new DesiredActionConfig(100, 0.9);

    public DesiredActionConfig {
        new Checks()
                .atLeast("maxSteps", maxSteps, 1)
                .require("successInSetRate", successInSetRate > 0 && successInSetRate <= 1,
                        "must be in (0, 1] but was " + successInSetRate)
                .verify();
    }
}
