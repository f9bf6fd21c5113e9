package io.corrigo.reports.stats;

import java.util.List;

/** Small descriptive statistics over per-seed values. */
public final class Summary {

    private Summary() {
    }

    /** Arithmetic mean; NaN for an empty list. */
    public static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Sample standard deviation (n − 1); 0 for fewer than two values. */
    public static double std(List<Double> values) {
        if (values.size() < 2) {
            return 0;
        }
        double m = mean(values);
        double ss = values.stream().mapToDouble(v -> (v - m) * (v - m)).sum();
        return Math.sqrt(ss / (values.size() - 1));
    }
}
