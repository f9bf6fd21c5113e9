package io.corrigo.reports.stats;

/** Percentiles by linear interpolation between order statistics (NumPy's default, Hyndman–Fan type 7). */
final class Percentile {

    private Percentile() {
    }

    /** The {@code q}-quantile, {@code 0 <= q <= 1}, of {@code sorted} (ascending, non-empty). */
    static double of(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double weight = position - below;
        return sorted[below] + weight * (sorted[above] - sorted[below]);
    }
}
