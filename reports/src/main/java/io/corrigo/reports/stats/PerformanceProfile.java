package io.corrigo.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Performance profile (run-score distribution; Dolan &amp; Moré 2002, as used by rliable): for each
 * threshold τ the fraction of all runs, pooled over tasks, whose score exceeds τ, with stratified
 * bootstrap 95 % intervals.
 */
public final class PerformanceProfile {

    /**
     * One point of the profile.
     *
     * @param tau      the threshold
     * @param fraction fraction of runs scoring above {@code tau}, with its interval
     */
    public record Point(double tau, Interval fraction) {
    }

    private PerformanceProfile() {
    }

    /** Thresholds 0, 0.05, …, 1 — a grid for success rates. */
    public static double[] unitGrid() {
        double[] taus = new double[21];
        for (int i = 0; i < taus.length; i++) {
            taus[i] = i / 20.0;
        }
        return taus;
    }

    /** The fraction of runs above each of {@code taus}, without intervals. */
    public static double[] fractions(List<double[]> runsPerTask, double[] taus) {
        double[] sorted = Iqm.flatten(runsPerTask);
        Arrays.sort(sorted);
        double[] fractions = new double[taus.length];
        for (int k = 0; k < taus.length; k++) {
            fractions[k] = (double) countAbove(sorted, taus[k]) / sorted.length;
        }
        return fractions;
    }

    /** The profile at {@code taus} with stratified-bootstrap intervals. */
    public static List<Point> of(List<double[]> runsPerTask, double[] taus, int resamples, long seed) {
        List<Interval> intervals = StratifiedBootstrap.intervals(runsPerTask, runs -> fractions(runs, taus),
                resamples, seed);
        List<Point> points = new ArrayList<>(taus.length);
        for (int k = 0; k < taus.length; k++) {
            points.add(new Point(taus[k], intervals.get(k)));
        }
        return points;
    }

    private static int countAbove(double[] sorted, double tau) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] > tau) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return sorted.length - low;
    }
}
