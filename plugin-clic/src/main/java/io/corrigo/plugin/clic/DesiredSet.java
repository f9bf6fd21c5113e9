package io.corrigo.plugin.clic;

import io.corrigo.api.env.Scene;
import io.corrigo.djl.ebm.CandidateSet;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The soft desired action set {@code A(a^r, h)} of each correction in a batch (clic.md §4.3–4.5):
 * which known actions replace candidate slots, and the soft log-likelihood
 * {@code ℓ(a) ≈ log P(a ∈ A)} that weights the policy prior in CLIC's target. Holds the prepared
 * geometry of up to a batch of corrections; single-threaded.
 */
interface DesiredSet {

    /** Prepares batch element {@code b} from its correction, drawing from {@code random} if needed. */
    void prepare(int b, Correction correction, RandomGenerator random);

    /** Writes element {@code b}'s known actions into its first candidate slots. */
    void placeKnownActions(CandidateSet candidates, int b);

    /** {@code ℓ(a)} of element {@code b} for the action {@code actions[offset … offset + d)}. */
    double logLikelihood(int b, float[] actions, int offset);

    /** The outline of {@code correction}'s set in a 2-D action plane, mapped by {@code toScene}. */
    List<Scene.Shape> outline(Correction correction, Function<float[], Scene.Point> toScene);

    /** CLIC's soft indicator {@code log σ(−x/κ) = −softplus(x/κ)}: ≈ 0 for {@code x ≪ 0}, ≈ {@code −x/κ} for {@code x ≫ 0}. */
    static double softIn(double x, double kappa) {
        double z = x / kappa;
        return -(Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))));
    }

    /** Euclidean distance between {@code a[ao …]} and {@code b[bo …]} over {@code d} components. */
    static double distance(float[] a, int ao, float[] b, int bo, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            double diff = a[ao + i] - b[bo + i];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }
}
