package io.corrigo.plugin.oracle;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.Snapshot;
import io.corrigo.api.env.StepResult;
import io.corrigo.api.feedback.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * RLIF's value-based overseer in the difference form (Luo et al., ICLR 2024; baselines spec §1.5):
 * the decision is to intervene when {@code Q(s, a_ref) − Q(s, a_learner) > δ}, acted on with
 * probability β (and the opposite with 1 − β). {@code a_ref} is the clean scripted teacher's
 * action; Q is estimated without a critic by looking ahead from a snapshot of the environment,
 * which is restored before the host steps it.
 */
final class ValueGate implements TakeoverSimulator.Gate {

    private final ValueGateConfig config;
    private final Environment environment;
    private final RandomGenerator random;

    ValueGate(ValueGateConfig config, Environment environment, RandomGenerator random) {
        this.config = config;
        this.environment = environment;
        this.random = random;
    }

    /**
     * Resets {@code environment} with {@code seed} and checks that it offers state values and
     * snapshots there.
     *
     * @throws IllegalArgumentException naming the environment and what it lacks
     */
    static void requireValuesAndSnapshots(Environment environment, long seed) {
        environment.reset(seed);
        List<String> missing = new ArrayList<>();
        if (environment.value().isEmpty()) {
            missing.add("no state value (value() is empty)");
        }
        if (environment.snapshot().isEmpty()) {
            missing.add("no snapshots (snapshot() is empty)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the value gate estimates Q by looking ahead from snapshots, but "
                    + environment.getClass().getSimpleName() + " offers " + String.join(" and ", missing)
                    + "; use the action-distance or random gate with this environment");
        }
    }

    @Override
    public boolean intervenes(Query query, Action expert) {
        return random.nextDouble() < probability(advantage(query));
    }

    /** {@code Q(s, a_ref) − Q(s, a_learner)} at the environment's current state. */
    double advantage(Query query) {
        return q(query.expert()) - q(query.proposed());
    }

    double probability(double advantage) {
        return advantage > config.delta() ? config.beta() : 1 - config.beta();
    }

    /** The lookahead estimate of {@code Q(s, action)}; leaves the environment as it found it. */
    double q(Action action) {
        Snapshot start = environment.snapshot().orElseThrow(() -> new IllegalStateException(
                environment.getClass().getSimpleName() + " stopped offering snapshots"));
        try {
            StepResult step = environment.step(action);
            double total = step.reward();
            int rollout = config.estimator() == ValueGateConfig.Estimator.ROLLOUT ? config.horizon() : 0;
            Action previous = action;
            for (int h = 0; h < rollout && !step.done(); h++) {
                Observation o = step.observation();
                Action next = environment.expert().act(o, previous);
                step = environment.step(next);
                total += step.reward();
                previous = next;
            }
            return total + environment.value().orElseThrow(() -> new IllegalStateException(
                    environment.getClass().getSimpleName() + " offered no value() after a lookahead step"));
        } finally {
            environment.restore(start);
        }
    }
}
