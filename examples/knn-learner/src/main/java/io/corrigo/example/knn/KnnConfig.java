package io.corrigo.example.knn;

import io.corrigo.api.Checks;

/**
 * Settings of the {@code knn} learner.
 *
 * @param neighbours how many nearest labelled states are averaged (default 3)
 * @param capacity   labels kept, oldest dropped first (default 20000)
 */
public record KnnConfig(int neighbours, int capacity) {

    /** The defaults. */
    public static final KnnConfig DEFAULTS = new KnnConfig(3, 20_000);

    public KnnConfig {
        new Checks().atLeast("neighbours", neighbours, 1).atLeast("capacity", capacity, 1).verify();
    }
}
