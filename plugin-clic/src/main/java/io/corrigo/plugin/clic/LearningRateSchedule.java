package io.corrigo.plugin.clic;

import io.corrigo.api.Checks;

/**
 * The learning rate per update of an energy-based CLIC learner: constant by default, or the CLIC
 * repository's torch scheduler ({@code CosineAnnealingWarmupRestarts} with {@code cycle_mult 1},
 * {@code gamma 1}): update {@code k} (from 0, every optimiser step counted) of a cycle of
 * {@code cycleUpdates} rises linearly from {@code minLearningRate} to the configured rate over
 * {@code warmupUpdates}, then follows half a cosine back down to {@code minLearningRate} by the
 * cycle's end, and the next cycle starts over. The repository's CLIC-Circular uses
 * {@code {warmupUpdates: 10, cycleUpdates: 162000, minLearningRate: 1e-5}}; its CLIC-Half (the
 * TensorFlow version) a constant rate.
 *
 * @param warmupUpdates   updates of linear warm-up at the start of each cycle; 0: none (default)
 * @param cycleUpdates    updates per cycle, warm-up included; 0: no cycle, the rate stays at its peak
 *                        after the warm-up (default)
 * @param minLearningRate where the warm-up starts and the cosine ends; default 1e-5
 */
public record LearningRateSchedule(int warmupUpdates, long cycleUpdates, double minLearningRate) {

    /** A constant learning rate. */
    public static final LearningRateSchedule CONSTANT = new LearningRateSchedule(0, 0, 1e-5);

    /** The CLIC repository's torch scheduler for its default 500 end-of-episode iterations. */
    public static final LearningRateSchedule REPOSITORY_TORCH = new LearningRateSchedule(10, 162_000, 1e-5);

    public LearningRateSchedule {
        new Checks().nonNegative("schedule.warmupUpdates", warmupUpdates)
                .require("schedule.cycleUpdates", cycleUpdates == 0 || cycleUpdates > warmupUpdates,
                        "must be 0 (no cycle) or more than schedule.warmupUpdates (" + warmupUpdates + ") but was "
                                + cycleUpdates)
                .require("schedule.minLearningRate", minLearningRate >= 0 && Double.isFinite(minLearningRate),
                        "must be a finite number >= 0 but was " + minLearningRate)
                .verify();
    }

    /** Whether the rate never changes. */
    public boolean constant() {
        return warmupUpdates == 0 && cycleUpdates == 0;
    }

    /** The rate of update {@code k} (from 0) for the peak rate {@code peak}. */
    public double rate(double peak, long k) {
        long inCycle = cycleUpdates > 0 ? k % cycleUpdates : k;
        if (inCycle < warmupUpdates) {
            return minLearningRate + (peak - minLearningRate) * inCycle / warmupUpdates;
        }
        if (cycleUpdates == 0) {
            return peak;
        }
        double progress = (double) (inCycle - warmupUpdates) / (cycleUpdates - warmupUpdates);
        return minLearningRate + (peak - minLearningRate) * (1 + Math.cos(Math.PI * progress)) / 2;
    }

    @Override
    public String toString() {
        return constant() ? "constant" : "warm-up " + warmupUpdates + " from " + minLearningRate
                + (cycleUpdates > 0 ? ", cosine cycle " + cycleUpdates : ", then constant");
    }
}
