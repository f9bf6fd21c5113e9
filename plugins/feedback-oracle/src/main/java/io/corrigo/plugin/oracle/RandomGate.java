package io.corrigo.plugin.oracle;

import io.corrigo.api.Action;
import io.corrigo.api.feedback.Query;
import java.util.random.RandomGenerator;

/**
 * An overseer that intervenes at random (RLIF's random-intervention variant, Luo et al., ICLR
 * 2024; baselines spec §1.3): an i.i.d. coin per step, or once per episode at a uniform step.
 */
final class RandomGate implements TakeoverSimulator.Gate {

    private final RandomGateConfig config;
    private final int lastStart;
    private final RandomGenerator random;
    /** The step of this episode's takeover ({@code episodic}); 0 until drawn. */
    private int start;

    /** A gate for episodes of at most {@code maxSteps} steps. */
    RandomGate(RandomGateConfig config, int maxSteps, RandomGenerator random) {
        this.config = config;
        this.lastStart = Math.max(1, maxSteps - config.takeoverSteps() + 1);
        this.random = random;
    }

    @Override
    public void startEpisode() {
        start = 0;
    }

    @Override
    public boolean intervenes(Query query, Action expert) {
        if (config.schedule() == RandomGateConfig.Schedule.PER_STEP) {
            return random.nextDouble() < config.probability();
        }
        if (start == 0) {
            start = random.nextInt(1, lastStart + 1);
        }
        return query.step() == start;
    }
}
