package io.corrigo.plugin.toys;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.StepResult;
import java.util.SplittableRandom;

/** Helpers for the desired-action toy tests. */
final class Toys {

    private Toys() {
    }

    /** A uniform action of {@code [-1, 1]²}. */
    static Action uniformAction(SplittableRandom random) {
        return Action.ofDoubles(2 * random.nextDouble() - 1, 2 * random.nextDouble() - 1);
    }

    /**
     * One episode in which every executed action is the teacher's answer to a uniform random
     * proposal (a learner that knows nothing, corrected every step); the last result.
     */
    static StepResult correctedRandomEpisode(Environment env, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Observation o = env.reset(seed);
        StepResult r = null;
        while (r == null || !r.done()) {
            r = env.step(env.expert().act(o, uniformAction(random)));
            o = r.observation();
        }
        return r;
    }
}
