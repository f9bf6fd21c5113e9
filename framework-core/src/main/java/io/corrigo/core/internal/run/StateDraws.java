package io.corrigo.core.internal.run;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.DesiredActionStates;
import java.util.List;
import java.util.function.Function;

/**
 * The evaluation of a policy's action distribution state by state ({@code budget.drawsPerState}):
 * {@code n} independent draws at every state an environment lists, each started as a fresh rollout
 * so no draw sees another, scored by the environment's desired set.
 */
final class StateDraws {

    /** The in-set rate over all draws. */
    static final String MEAN = "eval.inSetPerState";
    /** The in-set rate of the state with the fewest draws in the set. */
    static final String WORST = "eval.inSetWorstState";

    private StateDraws() {
    }

    /**
     * The two metrics at evaluation point {@code episode}; {@code draw} returns one fresh action of
     * the policy at an observation.
     */
    static List<MetricPoint> evaluate(DesiredActionStates task, int n, int episode, Function<Observation, Action> draw) {
        List<Observation> states = task.states();
        if (states.isEmpty()) {
            throw new IllegalStateException("the environment lists no states to draw actions at");
        }
        long inSet = 0;
        double worst = 1;
        for (int i = 0; i < states.size(); i++) {
            int here = 0;
            for (int k = 0; k < n; k++) {
                here += task.desired(i, draw.apply(states.get(i))) ? 1 : 0;
            }
            inSet += here;
            worst = Math.min(worst, (double) here / n);
        }
        long total = (long) n * states.size();
        return List.of(new MetricPoint(episode, MEAN, (double) inSet / total, total, "fraction of draws"),
                new MetricPoint(episode, WORST, worst, n, "fraction of draws"));
    }
}
