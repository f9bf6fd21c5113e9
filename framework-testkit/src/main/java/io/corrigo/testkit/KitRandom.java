package io.corrigo.testkit;

import io.corrigo.api.run.Seeds;
import java.util.random.RandomGenerator;

/**
 * What {@link TestRunContext#random} hands out: the numbers of {@code new SplittableRandom(seed)}
 * (SplitMix64, the golden-ratio increment), as the host's generators draw them, with a state the
 * context can read and set for checkpoint checks.
 */
final class KitRandom implements RandomGenerator {

    private long state;

    KitRandom(long seed) {
        this.state = seed;
    }

    @Override
    public long nextLong() {
        state += 0x9e3779b97f4a7c15L;
        return Seeds.mix(state);
    }

    @Override
    public int nextInt() {
        state += 0x9e3779b97f4a7c15L;
        long z = (state ^ (state >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    long state() {
        return state;
    }

    void setState(long state) {
        this.state = state;
    }
}
