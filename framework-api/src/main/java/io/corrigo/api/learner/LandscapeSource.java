package io.corrigo.api.learner;

import io.corrigo.api.Observation;
import java.util.Optional;

/**
 * An optional capability of a {@link Learner} whose policy is a density over actions (energy-based
 * learners such as IBC and CLIC): the host asks for the landscape at states of its evaluation
 * rollouts, and the report site draws it beside the replay. The host calls it on the learner's
 * thread, between steps; it must not change the learner's state or draw from its random streams,
 * so a trial's numbers are the same whether landscapes are recorded or not.
 *
 * @since 1.1 (of this package)
 */
public interface LandscapeSource {

    /**
     * The density over the action box at {@code observation} on a {@code resolution × resolution}
     * grid (at least 2) with the corrections held near it; empty when the action space is not 2-D.
     */
    Optional<Landscape> landscape(Observation observation, int resolution);
}
