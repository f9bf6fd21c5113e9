package io.corrigo.reports.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Interquartile mean: the mean of the middle 50 % of scores, {@code floor(n/4)} trimmed from each end
 * (SciPy's {@code trim_mean(x, 0.25)}, as rliable uses it; Agarwal et al. 2021, "Deep Reinforcement
 * Learning at the Edge of the Statistical Precipice"). Robust to outlier runs, more efficient than the median.
 */
public final class Iqm {

    private Iqm() {
    }

    /** The IQM of {@code scores}; they need not be sorted; NaN when empty. */
    public static double of(double[] scores) {
        if (scores.length == 0) {
            return Double.NaN;
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted);
    }

    /** The IQM of every run of every task pooled together (rliable's aggregate IQM). */
    public static double ofRuns(List<double[]> runsPerTask) {
        return of(flatten(runsPerTask));
    }

    static double ofSorted(double[] sorted) {
        int cut = sorted.length / 4;
        double sum = 0;
        for (int i = cut; i < sorted.length - cut; i++) {
            sum += sorted[i];
        }
        return sum / (sorted.length - 2 * cut);
    }

    static double[] flatten(List<double[]> runsPerTask) {
        int n = 0;
        for (double[] runs : runsPerTask) {
            n += runs.length;
        }
        double[] all = new double[n];
        int at = 0;
        for (double[] runs : runsPerTask) {
            System.arraycopy(runs, 0, all, at, runs.length);
            at += runs.length;
        }
        return all;
    }
}
