package io.corrigo.plugin.rlif;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.corrigo.djl.AdamOptimizer;
import io.corrigo.djl.GradientTape;
import io.corrigo.djl.NoGradient;
import io.corrigo.djl.StagedInput;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * RLPD's update (Ball et al. 2023, as the released RLIF code configures it; baselines.md §1.4): per
 * environment step {@code updatesPerStep} critic updates on disjoint batches — target
 * {@code r + γ·mask·min over a random subset of target critics of Q'(s', a' ~ π(s'))}, no entropy
 * term in the backup, MSE averaged over the ensemble, Polyak averaging after each — then one actor
 * update ({@code α·log π(a|s) − mean_k Q_k(s, a)}, reparameterised, the critics held fixed) and one
 * temperature update ({@code α·(H − H_target)}, {@code H_target = −scale·|A|}) on the last batch.
 * Adam for all three. Noise comes from the caller's generator, so updates are reproducible.
 */
final class SoftActorCritic implements AutoCloseable {

    /** Diagnostics of one update. */
    record Losses(double critic, double actor, double temperature, double entropy, double q) {
    }

    private final RlifConfig config;
    private final NDManager manager;
    private final TanhGaussianActor actor;
    private final CriticEnsemble critic;
    private final CriticEnsemble target;
    private final NDArray logTemperature;
    private final AdamOptimizer actorAdam;
    private final AdamOptimizer criticAdam;
    private final AdamOptimizer temperatureAdam;
    private final double targetEntropy;
    private final int dObs;
    private final int dAct;
    private final RlifReplay.Rows rows;
    private final StagedInput observations;
    private final StagedInput actions;
    private final StagedInput rewards;
    private final StagedInput next;
    private final StagedInput masks;
    private final StagedInput noise;
    private final float[] noiseValues;
    /** α and H − H_target as tensors in engine memory (see {@link TanhGaussianActor#constant}). */
    private final NDArray temperatureScalar;
    private final NDArray entropyGap;
    private final NDArray discount;
    /** α = exp(log α), computed by the engine and read back once per temperature step (not once per use). */
    private float temperature;

    SoftActorCritic(NDManager parent, RlifConfig config, int dObs, int dAct, RandomGenerator init) {
        this.config = config;
        this.dObs = dObs;
        this.dAct = dAct;
        manager = parent.newSubManager();
        actor = new TanhGaussianActor(manager, dObs, dAct, config.actorHiddenSizes(), init);
        critic = new CriticEnsemble(manager, config.critics(), dObs + dAct, config.criticHiddenSizes(), init);
        target = new CriticEnsemble(manager, config.critics(), dObs + dAct, config.criticHiddenSizes(), init);
        target.copyFrom(critic);
        try (NDArray staged = manager.create(new float[] {(float) Math.log(config.initialTemperature())})) {
            logTemperature = staged.duplicate();
        }
        logTemperature.setRequiresGradient(true);
        temperature = readTemperature();
        float lr = (float) config.learningRate();
        actorAdam = AdamOptimizer.builder().setLearningRate(lr).build(manager, actor.parameters());
        criticAdam = AdamOptimizer.builder().setLearningRate(lr).build(manager, critic.parameters());
        temperatureAdam = AdamOptimizer.builder().setLearningRate(lr).build(manager, Map.of("logTemperature", logTemperature));
        targetEntropy = -config.targetEntropyScale() * dAct;
        int b = config.batchSize();
        rows = new RlifReplay.Rows(b, dObs, dAct);
        observations = new StagedInput(manager, new Shape(b, dObs));
        actions = new StagedInput(manager, new Shape(b, dAct));
        rewards = new StagedInput(manager, new Shape(b));
        next = new StagedInput(manager, new Shape(b, dObs));
        masks = new StagedInput(manager, new Shape(b));
        noise = new StagedInput(manager, new Shape(b, dAct));
        noiseValues = new float[b * dAct];
        temperatureScalar = TanhGaussianActor.constant(manager, 1f);
        entropyGap = TanhGaussianActor.constant(manager, 0f);
        discount = TanhGaussianActor.constant(manager, (float) config.discount());
    }

    TanhGaussianActor actor() {
        return actor;
    }

    /** One environment step's worth of updates. */
    Losses update(RlifReplay replay, RandomGenerator random) {
        double criticLoss = 0;
        double q = 0;
        for (int k = 0; k < config.updatesPerStep(); k++) {
            replay.sample(config.batchSize(), rows, random);
            double[] c = criticStep(random);
            criticLoss += c[0] / config.updatesPerStep();
            q += c[1] / config.updatesPerStep();
        }
        double[] a = actorStep(random);
        double t = temperatureStep(a[1]);
        Losses losses = new Losses(criticLoss, a[0], t, a[1], q);
        if (!Double.isFinite(criticLoss) || !Double.isFinite(a[0]) || !Double.isFinite(a[1]) || !Double.isFinite(t)
                || !Double.isFinite(temperature())) {
            throw new IllegalStateException("rlif's update diverged: " + losses + ", temperature " + temperature());
        }
        return losses;
    }

    /** A critic update on the rows drawn last; returns its loss and the mean online Q. */
    private double[] criticStep(RandomGenerator random) {
        int[] subset = subset(random, config.critics(), config.targetSubset());
        double loss;
        double meanQ;
        try (NDManager scope = manager.newSubManager()) {
            NDArray s = put(observations, rows.observations, scope);
            NDArray a = put(actions, rows.actions, scope);
            NDArray r = put(rewards, rows.rewards, scope);
            NDArray s2 = put(next, rows.next, scope);
            NDArray m = put(masks, rows.masks, scope);
            NDArray backup;
            try (NoGradient ignored = NoGradient.enter()) {
                NDArray a2 = actor.sample(s2, put(noise, gaussians(random), scope)).action();
                NDArray qs = target.forward(NDArrays.concat(new NDList(s2, a2), 1), target.parameters());
                NDArray min = qs.get(subset[0]);
                for (int i = 1; i < subset.length; i++) {
                    min = min.minimum(qs.get(subset[i]));
                }
                backup = r.add(m.mul(min).mul(discount));
            }
            try (GradientTape tape = GradientTape.record()) {
                NDArray qs = critic.forward(NDArrays.concat(new NDList(s, a), 1), critic.parameters());
                NDArray l = qs.sub(backup.expandDims(0)).square().mean();
                tape.backward(l);
                float[] both = NDArrays.stack(new NDList(l, qs.mean())).toFloatArray();   // one read-back
                loss = both[0];
                meanQ = both[1];
            }
            criticAdam.step();
        }
        target.polyak(critic, (float) config.tau());
        return new double[] {loss, meanQ};
    }

    /** An actor update on the rows drawn last, the critics held fixed; returns its loss and the policy's entropy. */
    private double[] actorStep(RandomGenerator random) {
        temperatureScalar.set(new float[] {temperature});
        double value;
        double entropy;
        try (NDManager scope = manager.newSubManager()) {
            NDArray s = put(observations, rows.observations, scope);
            NDArray n = put(noise, gaussians(random), scope);
            try (GradientTape tape = GradientTape.record()) {
                TanhGaussianActor.Sample sample = actor.sample(s, n);
                NDArray qs = critic.forward(NDArrays.concat(new NDList(s, sample.action()), 1), critic.detached(scope));
                NDArray loss = sample.logProbability().mul(temperatureScalar).sub(qs.mean(new int[] {0})).mean();
                tape.backward(loss);
                float[] both = NDArrays.stack(new NDList(sample.logProbability().mean(), loss)).toFloatArray();
                entropy = -both[0];
                value = both[1];
            }
            actorAdam.step();
        }
        return new double[] {value, entropy};
    }

    /** A temperature update towards the target entropy, given the policy's entropy; returns the loss. */
    double temperatureStep(double entropy) {
        float gap = (float) (entropy - targetEntropy);
        entropyGap.set(new float[] {gap});
        try (GradientTape tape = GradientTape.record();
             NDArray alpha = logTemperature.exp();
             NDArray scaled = alpha.mul(entropyGap);
             NDArray l = scaled.sum()) {
            tape.backward(l);
        }
        float loss = temperature * gap;   // the same float product the engine formed: exp(log α) · gap
        temperatureAdam.step();
        temperature = readTemperature();
        return loss;
    }

    /** α, as of the last temperature step. */
    double temperature() {
        return temperature;
    }

    private float readTemperature() {
        try (NoGradient ignored = NoGradient.enter(); NDArray t = logTemperature.exp()) {
            return t.getFloat();
        }
    }

    double targetEntropy() {
        return targetEntropy;
    }

    /** {@code k} distinct members of {@code 0..members−1}, drawn uniformly (a partial Fisher–Yates shuffle). */
    static int[] subset(RandomGenerator random, int members, int k) {
        int[] all = new int[members];
        for (int i = 0; i < members; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(members - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, k);
    }

    void save(java.nio.file.Path directory) throws java.io.IOException {
        actor.save(directory.resolve("actor.bin"));
        critic.save(directory.resolve("critic.bin"));
        target.save(directory.resolve("target.bin"));
        io.corrigo.djl.TensorFiles.write(directory.resolve("temperature.bin"), Map.of("logTemperature", logTemperature));
        actorAdam.save(directory.resolve("actor-adam.bin"));
        criticAdam.save(directory.resolve("critic-adam.bin"));
        temperatureAdam.save(directory.resolve("temperature-adam.bin"));
    }

    void load(java.nio.file.Path directory) throws java.io.IOException {
        actor.load(directory.resolve("actor.bin"));
        critic.load(directory.resolve("critic.bin"));
        target.load(directory.resolve("target.bin"));
        io.corrigo.djl.TensorFiles.readInto(directory.resolve("temperature.bin"), Map.of("logTemperature", logTemperature));
        actorAdam.load(directory.resolve("actor-adam.bin"));
        criticAdam.load(directory.resolve("critic-adam.bin"));
        temperatureAdam.load(directory.resolve("temperature-adam.bin"));
        temperature = readTemperature();
    }

    @Override
    public void close() {
        manager.close();
    }

    private float[] gaussians(RandomGenerator random) {
        for (int i = 0; i < noiseValues.length; i++) {
            noiseValues[i] = (float) random.nextGaussian();
        }
        return noiseValues;
    }

    private static NDArray put(StagedInput input, float[] values, NDManager scope) {
        input.values().put(values, 0, input.size());
        return input.upload(scope);
    }
}
