package io.corrigo.reports.stats;

import java.util.List;

/**
 * The mean over seeds with a 95 % percentile bootstrap interval: seeds are resampled with replacement.
 * It reflects the variation between training runs, which a Wilson interval over pooled evaluation
 * episodes does not.
 */
public final class SeedBootstrap {

    private SeedBootstrap() {
    }

    /** The mean of {@code perSeed} with its bootstrap interval; needs at least one value. */
    public static Interval meanInterval(double[] perSeed, int resamples, long seed) {
        return StratifiedBootstrap.interval(List.of(perSeed), SeedBootstrap::mean, resamples, seed);
    }

    private static double mean(List<double[]> runsPerTask) {
        double[] runs = runsPerTask.get(0);
        double sum = 0;
        for (double v : runs) {
            sum += v;
        }
        return sum / runs.length;
    }
}
