package io.corrigo.core.internal.run;

import io.corrigo.api.run.Seeds;
import java.util.random.RandomGenerator;

/**
 * The generator behind {@code RunContext.random}: SplitMix64 with the golden-ratio increment,
 * the algorithm of {@code new java.util.SplittableRandom(seed)}, drawing the same numbers from
 * every method (tested against it), but with a state the host can read and set, so that a
 * checkpoint can save the plugins' generators and a resumed trial draw on where it stopped.
 * Every derived method ({@code nextInt(bound)}, {@code nextGaussian()}, …) is
 * {@link RandomGenerator}'s, built on {@link #nextLong()} and {@link #nextInt()}. Single-threaded,
 * like the trial that owns it.
 */
final class StreamRandom implements RandomGenerator {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    StreamRandom(long seed) {
        this.state = seed;
    }

    @Override
    public long nextLong() {
        return Seeds.mix(advance());
    }

    @Override
    public int nextInt() {
        long z = advance();
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /** The state: what the next draw advances from. */
    long state() {
        return state;
    }

    /** Continues from {@code state}, as read by {@link #state()}. */
    void setState(long state) {
        this.state = state;
    }

    private long advance() {
        state += GOLDEN_GAMMA;
        return state;
    }
}
