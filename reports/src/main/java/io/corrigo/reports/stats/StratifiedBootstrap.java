package io.corrigo.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Percentile confidence intervals by the stratified bootstrap (rliable's {@code StratifiedBootstrap}):
 * each replicate resamples, with replacement, the runs <em>within</em> each task, keeping every task's
 * run count, and recomputes the statistic; the 95 % interval spans the 2.5th to the 97.5th percentile
 * of the replicates. The point estimate is the statistic of the data itself. A fixed seed gives the
 * same interval every time.
 *
 * <p>Scores are given as a list of tasks, each an array of run scores (one run per seed). Statistics
 * receive a reused buffer and must not keep it.
 */
public final class StratifiedBootstrap {

    /** Two-sided coverage of the intervals. */
    public static final double CONFIDENCE = 0.95;

    /** A statistic of runs grouped by task. */
    @FunctionalInterface
    public interface Statistic {
        /** The statistic of {@code runsPerTask}. */
        double apply(List<double[]> runsPerTask);
    }

    /** Several statistics of runs grouped by task, computed together (one array entry each). */
    @FunctionalInterface
    public interface VectorStatistic {
        /** The statistics of {@code runsPerTask}. */
        double[] apply(List<double[]> runsPerTask);
    }

    /** A statistic comparing two algorithms' runs on the same tasks (task {@code i} of each). */
    @FunctionalInterface
    public interface PairStatistic {
        /** The statistic of {@code x} against {@code y}. */
        double apply(List<double[]> x, List<double[]> y);
    }

    private StratifiedBootstrap() {
    }

    /** The 95 % interval of {@code statistic}. */
    public static Interval interval(List<double[]> runsPerTask, Statistic statistic, int resamples, long seed) {
        return intervals(runsPerTask, runs -> new double[]{statistic.apply(runs)}, resamples, seed).get(0);
    }

    /** The 95 % interval of each entry of {@code statistic}, from shared replicates. */
    public static List<Interval> intervals(List<double[]> runsPerTask, VectorStatistic statistic, int resamples,
                                           long seed) {
        check(runsPerTask, resamples);
        double[] estimate = statistic.apply(runsPerTask);
        double[][] replicates = new double[estimate.length][resamples];
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> buffer = buffer(runsPerTask);
        for (int r = 0; r < resamples; r++) {
            resample(runsPerTask, buffer, random);
            double[] value = statistic.apply(buffer);
            for (int k = 0; k < estimate.length; k++) {
                replicates[k][r] = value[k];
            }
        }
        List<Interval> intervals = new ArrayList<>(estimate.length);
        for (int k = 0; k < estimate.length; k++) {
            intervals.add(percentileInterval(estimate[k], replicates[k]));
        }
        return intervals;
    }

    /**
     * The 95 % interval of a two-algorithm statistic; the runs of {@code x} and of {@code y} are
     * resampled independently within each task (rliable's {@code StratifiedIndependentBootstrap}).
     */
    public static Interval interval(List<double[]> x, List<double[]> y, PairStatistic statistic, int resamples,
                                    long seed) {
        check(x, resamples);
        check(y, resamples);
        if (x.size() != y.size()) {
            throw new IllegalArgumentException("x and y must cover the same tasks: " + x.size() + " vs " + y.size());
        }
        double estimate = statistic.apply(x, y);
        double[] replicates = new double[resamples];
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> bx = buffer(x);
        List<double[]> by = buffer(y);
        for (int r = 0; r < resamples; r++) {
            resample(x, bx, random);
            resample(y, by, random);
            replicates[r] = statistic.apply(bx, by);
        }
        return percentileInterval(estimate, replicates);
    }

    /**
     * The percentile interval of {@code replicates} around {@code estimate}. The rare percentile
     * interval that misses its own point estimate (tiny, skewed samples) is widened to include it,
     * as {@link Interval} requires.
     */
    static Interval percentileInterval(double estimate, double[] replicates) {
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        double tail = (1 - CONFIDENCE) / 2;
        double low = Percentile.of(sorted, tail);
        double high = Percentile.of(sorted, 1 - tail);
        return new Interval(estimate, Math.min(low, estimate), Math.max(high, estimate));
    }

    private static void resample(List<double[]> source, List<double[]> target, SplittableRandom random) {
        for (int t = 0; t < source.size(); t++) {
            double[] from = source.get(t);
            double[] to = target.get(t);
            for (int i = 0; i < to.length; i++) {
                to[i] = from[random.nextInt(from.length)];
            }
        }
    }

    private static List<double[]> buffer(List<double[]> shape) {
        List<double[]> buffer = new ArrayList<>(shape.size());
        shape.forEach(runs -> buffer.add(new double[runs.length]));
        return buffer;
    }

    private static void check(List<double[]> runsPerTask, int resamples) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1: " + resamples);
        }
        if (runsPerTask.isEmpty() || runsPerTask.stream().anyMatch(runs -> runs.length == 0)) {
            throw new IllegalArgumentException("every task needs at least one run; tasks: " + runsPerTask.size());
        }
    }
}
