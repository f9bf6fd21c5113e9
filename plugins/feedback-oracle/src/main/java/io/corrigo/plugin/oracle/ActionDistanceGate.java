package io.corrigo.plugin.oracle;

import io.corrigo.api.Action;
import io.corrigo.api.feedback.Query;
import java.util.random.RandomGenerator;

/**
 * The RLIF repo's {@code binary} overseer (Luo et al., ICLR 2024; baselines spec §2.3): intervene
 * with probability {@code p_hit} when {@code ‖a_exp − a_learner‖ >= threshold}, otherwise with
 * probability {@code ε₀·exp(−decay·n)} after n training episodes.
 */
final class ActionDistanceGate implements TakeoverSimulator.Gate {

    private final ActionDistanceGateConfig config;
    private final RandomGenerator random;
    /** Training episodes started before the current one. */
    private int episodes = -1;

    ActionDistanceGate(ActionDistanceGateConfig config, RandomGenerator random) {
        this.config = config;
        this.random = random;
    }

    @Override
    public void startEpisode() {
        episodes++;
    }

    @Override
    public boolean intervenes(Query query, Action expert) {
        double distance = config.norm().of(Vectors.minus(Vectors.of(expert), Vectors.of(query.proposed())));
        return random.nextDouble() < probability(distance);
    }

    /** The probability of intervening at {@code distance} in the current episode. */
    double probability(double distance) {
        if (distance >= config.threshold()) {
            return config.hitProbability();
        }
        return config.missProbability() * Math.exp(-config.missDecay() * Math.max(0, episodes));
    }

    @Override
    public java.util.Map<String, Long> counters() {
        return java.util.Map.of("episodes", (long) episodes);
    }

    @Override
    public void setCounters(java.util.Map<String, Long> counters) {
        episodes = Math.toIntExact(counters.get("episodes"));
    }
}
