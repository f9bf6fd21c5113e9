package io.corrigo.plugin.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A noise-prediction network {@code ε_θ(x_t, t, obs)} over flattened action chunks, as a forward
 * function over a parameter map (the trained weights or their moving average).
 */
interface Denoiser {

    /** Fresh parameters in {@code manager}, drawn from {@code random}. */
    Map<String, NDArray> initialise(NDManager manager, RandomGenerator random);

    /**
     * The predicted noise {@code (B, Tp·Da)} for noisy chunks {@code (B, Tp·Da)}, sinusoidal step
     * embeddings {@code (B, E)} and observation histories {@code (B, To·Do)}. Intermediates are
     * attached to the inputs' manager.
     */
    NDArray forward(NDArray noisy, NDArray steps, NDArray observations, Map<String, NDArray> parameters);

    /** A one-line description for the trial's manifest. */
    String describe();
}
