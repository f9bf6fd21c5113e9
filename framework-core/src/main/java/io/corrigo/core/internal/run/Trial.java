package io.corrigo.core.internal.run;

import io.corrigo.core.internal.spec.PluginEntry;

/**
 * One cell × seed of a study: an environment, a feedback condition, a learner and a seed.
 *
 * @param index       position in the plan
 * @param environment the environment entry
 * @param feedback    the feedback condition
 * @param learner     the learner entry
 * @param seed        the study seed this trial runs with
 */
public record Trial(int index, PluginEntry environment, PluginEntry feedback, PluginEntry learner, long seed) {

    /** A readable unique key: {@code environment/feedback/learner/seed-N}. */
    public String key() {
        return environment.label() + "/" + feedback.label() + "/" + learner.label() + "/seed-" + seed;
    }
}
