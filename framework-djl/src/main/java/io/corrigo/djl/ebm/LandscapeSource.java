package io.corrigo.djl.ebm;

import io.corrigo.api.Observation;
import java.util.Optional;

/**
 * Implemented by learners whose policy is an energy over actions, so that a host can draw its
 * landscape at a chosen state. A stand-in until the learner API offers such a capability; call it
 * on the learner's thread, between steps.
 *
 * @since 1.1
 */
public interface LandscapeSource {

    /**
     * The density over the action box at {@code observation} on a {@code resolution × resolution}
     * grid (at least 2) with the corrections held near it; empty when the action space is not 2-D.
     */
    Optional<Landscape> landscape(Observation observation, int resolution);
}
