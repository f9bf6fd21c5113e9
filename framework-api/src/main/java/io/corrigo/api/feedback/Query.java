package io.corrigo.api.feedback;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;

/**
 * What the simulated human sees at one step.
 *
 * @param observation the pre-step observation
 * @param proposed    the learner's proposed action there
 * @param expert      the scripted teacher's action there (clean, before any degradation)
 * @param step        the step index within the episode, starting at 1
 * @since 1.0
 */
public record Query(Observation observation, Action proposed, Action expert, int step) {

    public Query {
        if (observation == null || proposed == null || expert == null) {
            throw new IllegalArgumentException("observation, proposed and expert are required");
        }
        if (proposed.size() != expert.size()) {
            throw new IllegalArgumentException("proposed and expert actions differ in size");
        }
        if (step < 1) {
            throw new IllegalArgumentException("step starts at 1: " + step);
        }
    }
}
