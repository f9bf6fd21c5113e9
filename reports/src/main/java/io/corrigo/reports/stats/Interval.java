package io.corrigo.reports.stats;

/**
 * A point estimate with a confidence interval.
 *
 * @param estimate the point estimate
 * @param low      lower bound
 * @param high     upper bound
 */
public record Interval(double estimate, double low, double high) {

    public Interval {
        if (!(low <= estimate + 1e-12 && estimate <= high + 1e-12)) {
            throw new IllegalArgumentException("expected low <= estimate <= high: " + low + ", " + estimate + ", " + high);
        }
    }
}
