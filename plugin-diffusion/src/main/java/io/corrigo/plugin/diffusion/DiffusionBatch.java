package io.corrigo.plugin.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.corrigo.djl.PerBatchSize;
import io.corrigo.djl.StagedInput;
import java.util.random.RandomGenerator;

/**
 * Staging memory for the denoiser's inputs, reused across updates: a training batch is drawn in
 * Java — windows from the dataset, a timestep {@code t ~ U{0..T−1}} and noise {@code ε ~ N(0, I)}
 * per window, {@code x_t = √ᾱ_t·x_0 + √(1−ᾱ_t)·ε} and the step embedding of {@code t} — and then
 * uploaded in one copy per input. Single-threaded.
 */
final class DiffusionBatch {

    /** The uploaded inputs of one training batch. */
    record Arrays(NDArray noisy, NDArray steps, NDArray observations, NDArray noise, NDArray mask) {
    }

    private final int chunk;
    private final int history;
    private final int embedding;
    private final PerBatchSize<StagedInput> noisy;
    private final PerBatchSize<StagedInput> steps;
    private final PerBatchSize<StagedInput> observations;
    private final PerBatchSize<StagedInput> noise;
    private final PerBatchSize<StagedInput> mask;
    private final float[] clean;
    private final float[] noisyValues;
    private final float[] stepValues;
    private final float[] observationValues;
    private final float[] noiseValues;
    private final float[] maskValues;

    DiffusionBatch(NDManager manager, int maxBatch, int chunk, int history, int embedding) {
        this.chunk = chunk;
        this.history = history;
        this.embedding = embedding;
        noisy = new PerBatchSize<>(maxBatch, n -> new StagedInput(manager, new Shape(n, chunk)));
        steps = new PerBatchSize<>(maxBatch, n -> new StagedInput(manager, new Shape(n, embedding)));
        observations = new PerBatchSize<>(maxBatch, n -> new StagedInput(manager, new Shape(n, history)));
        noise = new PerBatchSize<>(maxBatch, n -> new StagedInput(manager, new Shape(n, chunk)));
        mask = new PerBatchSize<>(maxBatch, n -> new StagedInput(manager, new Shape(n, chunk)));
        clean = new float[maxBatch * chunk];
        noisyValues = new float[maxBatch * chunk];
        stepValues = new float[maxBatch * embedding];
        observationValues = new float[maxBatch * history];
        noiseValues = new float[maxBatch * chunk];
        maskValues = new float[maxBatch * chunk];
    }

    /** Width of a flattened chunk. */
    int chunk() {
        return chunk;
    }

    /**
     * Draws {@code n} windows from {@code dataset} and noises them; returns the number of action
     * entries the loss counts (the mask's sum, &gt; 0).
     */
    float draw(ChunkDataset dataset, int n, boolean withNewest, NoiseSchedule schedule, StepEmbedding steps,
               RandomGenerator random) {
        dataset.fill(n, withNewest, observationValues, clean, maskValues);
        float maskSum = 0;
        for (int b = 0; b < n; b++) {
            int t = random.nextInt(schedule.steps());
            steps.write(t, stepValues, b * embedding);
            double signal = Math.sqrt(schedule.alphaBar(t));
            double spread = Math.sqrt(1 - schedule.alphaBar(t));
            for (int k = b * chunk; k < (b + 1) * chunk; k++) {
                float e = (float) random.nextGaussian();
                noiseValues[k] = e;
                noisyValues[k] = (float) (signal * clean[k] + spread * e);
                maskSum += maskValues[k];
            }
        }
        return maskSum;
    }

    /** Uploads the last drawn batch of {@code n} windows, attached to {@code scope}. */
    Arrays upload(int n, NDManager scope) {
        return new Arrays(put(noisy.get(n), noisyValues, n * chunk, scope), put(steps.get(n), stepValues, n * embedding, scope),
                put(observations.get(n), observationValues, n * history, scope), put(noise.get(n), noiseValues, n * chunk, scope),
                put(mask.get(n), maskValues, n * chunk, scope));
    }

    /** One noisy chunk for acting. */
    NDArray noisy(float[] x, NDManager scope) {
        return put(noisy.get(1), x, chunk, scope);
    }

    /** One step embedding for acting. */
    NDArray steps(float[] embeddingRow, NDManager scope) {
        return put(steps.get(1), embeddingRow, embedding, scope);
    }

    /** One observation history for acting. */
    NDArray observations(float[] historyRow, NDManager scope) {
        return put(observations.get(1), historyRow, history, scope);
    }

    private static NDArray put(StagedInput input, float[] values, int length, NDManager scope) {
        input.values().put(values, 0, length);
        return input.upload(scope);
    }
}
