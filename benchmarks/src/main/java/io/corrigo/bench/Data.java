package io.corrigo.bench;

import java.util.SplittableRandom;

/** Seeded input data for the benchmarks. */
final class Data {

    private Data() {
    }

    /** {@code n} values drawn uniformly from [−1, 1). */
    static float[] uniform(SplittableRandom random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }
}
