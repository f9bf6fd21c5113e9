package io.corrigo.djl.ebm;

import java.util.random.RandomGenerator;

/**
 * Softmax over strided slices of a logit array, in double precision with the maximum subtracted:
 * the slice is {@code logits[offset + k·stride]} for {@code k < count} (for a {@link CandidateSet},
 * offset {@code b} and stride {@code B} select the candidates of state {@code b}).
 *
 * @since 1.1
 */
public final class Softmax {

    private Softmax() {
    }

    /**
     * Writes {@code softmax(slice / temperature)} into {@code probabilities[0 … count)}; a temperature
     * of 0 puts all mass on the (first) largest logit.
     */
    public static void probabilities(float[] logits, int offset, int stride, int count, double temperature,
                                     double[] probabilities) {
        int best = argmax(logits, offset, stride, count);
        if (temperature == 0) {
            java.util.Arrays.fill(probabilities, 0, count, 0);
            probabilities[best] = 1;
            return;
        }
        double max = logits[offset + best * stride];
        double sum = 0;
        for (int k = 0; k < count; k++) {
            double e = Math.exp((logits[offset + k * stride] - max) / temperature);
            probabilities[k] = e;
            sum += e;
        }
        for (int k = 0; k < count; k++) {
            probabilities[k] /= sum;
        }
    }

    /** An index {@code k} drawn from {@code softmax(slice / temperature)}; temperature 0 gives the argmax. */
    public static int sample(float[] logits, int offset, int stride, int count, double temperature,
                             RandomGenerator random) {
        if (temperature == 0) {
            return argmax(logits, offset, stride, count);
        }
        double[] p = new double[count];
        probabilities(logits, offset, stride, count, temperature, p);
        return draw(p, count, random.nextDouble());
    }

    /** The index whose cumulative probability first exceeds {@code u ∈ [0, 1)}. */
    static int draw(double[] probabilities, int count, double u) {
        double cumulative = 0;
        for (int k = 0; k < count; k++) {
            cumulative += probabilities[k];
            if (u < cumulative) {
                return k;
            }
        }
        return lastPossible(probabilities, count);
    }

    /**
     * Writes the running sums of {@code probabilities[0 … count)} into {@code cumulative}, summed in
     * the order {@link #draw} sums them, so that {@link #drawCumulative} returns the same indices.
     */
    static void cumulate(double[] probabilities, int count, double[] cumulative) {
        double sum = 0;
        for (int k = 0; k < count; k++) {
            sum += probabilities[k];
            cumulative[k] = sum;
        }
    }

    /**
     * {@link #draw} by binary search over sums from {@link #cumulate}: the same index for the same
     * {@code u}, in O(log count) instead of O(count) (IBC's resampling draws {@code count} times).
     */
    static int drawCumulative(double[] probabilities, double[] cumulative, int count, double u) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u < cumulative[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (lo < count) {
            return lo;
        }
        return lastPossible(probabilities, count);
    }

    /** The last index with positive probability (rounding left {@code u} above the total). */
    private static int lastPossible(double[] probabilities, int count) {
        for (int k = count - 1; k >= 0; k--) {
            if (probabilities[k] > 0) {
                return k;
            }
        }
        return count - 1;
    }

    /** The index of the (first) largest element of the slice. */
    public static int argmax(float[] logits, int offset, int stride, int count) {
        int best = 0;
        for (int k = 1; k < count; k++) {
            if (logits[offset + k * stride] > logits[offset + best * stride]) {
                best = k;
            }
        }
        return best;
    }
}
