package io.corrigo.core.internal.run;

import io.corrigo.core.internal.spec.PluginEntry;
import io.corrigo.core.internal.spec.StudySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a study into trials, seed-major: every cell gets its first seed before any cell gets
 * its second, so a partial run already compares every learner under every condition.
 */
public final class Planner {

    private Planner() {
    }

    /** The trials of {@code spec} in run order. */
    public static List<Trial> plan(StudySpec spec) {
        List<Trial> trials = new ArrayList<>();
        for (long seed : spec.seeds()) {
            for (PluginEntry env : spec.environments()) {
                for (PluginEntry feedback : spec.feedback()) {
                    for (PluginEntry learner : spec.learners()) {
                        if (!learner.pairsWith(feedback)) {
                            continue;
                        }
                        trials.add(new Trial(trials.size(), env, feedback, learner, seed));
                    }
                }
            }
        }
        return trials;
    }
}
