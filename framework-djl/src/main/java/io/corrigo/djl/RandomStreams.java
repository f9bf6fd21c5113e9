package io.corrigo.djl;

import java.util.SplittableRandom;

/**
 * Independent generators indexed by a counter: {@code at(seed, k)} is the generator of draw
 * {@code k} of the stream {@code seed}. A learner that draws its {@code k}-th action or update from
 * {@code at(seed, k)} and saves {@code k} with its checkpoint replays the same randomness after
 * loading, which a single long-lived generator (whose state cannot be saved) does not allow.
 *
 * @since 1.1
 */
public final class RandomStreams {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private RandomStreams() {
    }

    /**
     * The generator of draw {@code index} of stream {@code seed}. Seeds are mixed first: plain
     * {@code SplittableRandom}s seeded {@code s} and {@code s + k·γ} would produce shifted copies.
     */
    public static SplittableRandom at(long seed, long index) {
        return new SplittableRandom(new SplittableRandom(seed ^ (index * GOLDEN_GAMMA + 0x632BE59BD9B4E019L)).nextLong());
    }
}
