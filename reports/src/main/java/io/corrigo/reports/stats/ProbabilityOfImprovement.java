package io.corrigo.reports.stats;

import java.util.List;

/**
 * Probability of improvement P(X > Y) (rliable; Agarwal et al. 2021): for each task the chance that a
 * random run of X scores higher than a random run of Y, ties counting one half (the Mann–Whitney U
 * statistic over {@code m·n}), averaged over tasks. 0.5 means no difference.
 */
public final class ProbabilityOfImprovement {

    private ProbabilityOfImprovement() {
    }

    /** P(X > Y); task {@code i} of {@code x} and of {@code y} must be the same task. */
    public static double of(List<double[]> x, List<double[]> y) {
        if (x.size() != y.size() || x.isEmpty()) {
            throw new IllegalArgumentException("x and y must cover the same, non-empty list of tasks");
        }
        double sum = 0;
        for (int t = 0; t < x.size(); t++) {
            sum += ofTask(x.get(t), y.get(t));
        }
        return sum / x.size();
    }

    /** P(X > Y) with its 95 % stratified-bootstrap interval (runs of X and Y resampled independently). */
    public static Interval interval(List<double[]> x, List<double[]> y, int resamples, long seed) {
        return StratifiedBootstrap.interval(x, y, ProbabilityOfImprovement::of, resamples, seed);
    }

    private static double ofTask(double[] x, double[] y) {
        double wins = 0;
        for (double a : x) {
            for (double b : y) {
                wins += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        return wins / ((double) x.length * y.length);
    }
}
