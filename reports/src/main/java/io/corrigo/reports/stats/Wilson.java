package io.corrigo.reports.stats;

/**
 * Wilson score interval for a binomial proportion (Wilson 1927): unlike the normal approximation it
 * stays inside [0, 1] and behaves at 0 and n successes, which is where learners often sit.
 */
public final class Wilson {

    /** z for a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /** The 95 % Wilson interval of {@code successes} out of {@code trials}; trials must be positive. */
    public static Interval interval95(long successes, long trials) {
        return interval(successes, trials, Z95);
    }

    /** The Wilson interval for the given z. */
    public static Interval interval(long successes, long trials, double z) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, trials > 0: " + successes + "/" + trials);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
