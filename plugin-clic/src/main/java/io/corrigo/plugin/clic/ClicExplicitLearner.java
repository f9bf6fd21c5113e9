package io.corrigo.plugin.clic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.Transition;
import io.corrigo.api.run.RunContext;
import io.corrigo.djl.AdamOptimizer;
import io.corrigo.djl.Batch;
import io.corrigo.djl.Deviations;
import io.corrigo.djl.Devices;
import io.corrigo.djl.GradientTape;
import io.corrigo.djl.MinMaxNormaliser;
import io.corrigo.djl.Mlp;
import io.corrigo.djl.RandomStreams;
import io.corrigo.djl.StagedInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * CLIC-Explicit (Li et al., arXiv:2502.07645, {@code agents/CLIC_Explicit.py}; clic.md §4.6): a
 * deterministic policy {@code a = 2σ(f(s)) − 1}, {@code f} a tanh MLP, trained with hinge losses that
 * put {@code a} into each correction's relaxed halfspace and cone ({@link ExplicitHinges}). Schedule as
 * in the repository: each correction joins the buffer; before it holds {@code minBufferSize} tuples a
 * correction gives one single-sample MSE step towards {@code clip(a^r + e·h)} (D-COACH's warm start),
 * afterwards one batch update holding it; one batch update every {@code updateEvery} steps without a
 * correction and one at the episode's last step; {@code endOfEpisodeUpdates} when it ends.
 */
final class ClicExplicitLearner implements Learner {

    private final ClicExplicitConfig config;
    private final RunContext context;
    private final MinMaxNormaliser observations;
    private final MinMaxNormaliser actions;
    private final NDManager manager;
    private final Mlp policy;
    private final AdamOptimizer adam;
    private final ExplicitHinges hinges;
    private final CorrectionBuffer buffer;
    private final NDArray two;
    private final NDArray one;
    private final NDArray hingeWeights;
    private final Map<String, StagedInput> staged = new HashMap<>();
    private final float[] observationRow;
    private final float[] actionRow;
    private final long trainSeed;
    private final UpdateMetrics metrics = new UpdateMetrics();
    private long steps;
    private long updates;
    private boolean closed;

    ClicExplicitLearner(ClicExplicitConfig config, Space observationSpace, Space actionSpace, RunContext context) {
        this.config = config;
        this.context = context;
        observations = MinMaxNormaliser.of(observationSpace);
        actions = MinMaxNormaliser.of(actionSpace);
        int dObs = observationSpace.dimension();
        int dAct = actionSpace.dimension();
        hinges = new ExplicitHinges(dAct, config.alphaDegrees(), config.gamma(), config.implicitHalfspaces(),
                config.mainWeight(), config.coneWeight());
        manager = Devices.newManager(context.device());
        try {
            policy = Mlp.builder().setInputSize(dObs).setHiddenSizes(config.hiddenSizes()).setOutputSize(dAct)
                    .optActivation(Mlp.Activation.TANH).build(manager, context.random("learner"));
            AdamOptimizer.Builder optimiser = AdamOptimizer.builder().setLearningRate((float) config.learningRate());
            if (config.gradientClip() > 0) {
                optimiser.optClipping(AdamOptimizer.Clipping.GLOBAL_NORM, (float) config.gradientClip());
            }
            adam = optimiser.build(manager, policy.parameters());
            two = manager.create(2f);
            one = manager.create(1f);
            hingeWeights = manager.create(hinges.weights());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        buffer = new CorrectionBuffer(config.bufferCapacity(), dObs, dAct, context.random("learner.batches"));
        observationRow = new float[dObs];
        actionRow = new float[dAct];
        trainSeed = context.seed("learner.train");
        ClicNotes.common(context, "clic-explicit", config.preset().name(), Deviations.of(config, ClicExplicitConfig.DEFAULTS));
        context.note("clic-explicit.policy", "MLP " + config.hiddenSizes() + " tanh, output 2σ(x) − 1 on min-max-normalised"
                + " actions; Adam lr " + config.learningRate() + (config.gradientClip() > 0 ? ", clip " + config.gradientClip()
                : ", no clipping"));
    }

    @Override
    public Action act(Observation observation) {
        requireOpen();
        observations.normalise(observation, observationRow, 0);
        StagedInput single = staged("single", new Shape(1, observationRow.length));
        single.values().put(observationRow);
        try (NDArray out = policy.predict(single.upload(manager))) {
            float[] x = out.toFloatArray();
            for (int i = 0; i < x.length; i++) {
                actionRow[i] = (float) (2 / (1 + Math.exp(-x[i])) - 1);
            }
        }
        return actions.toAction(actionRow, 0);
    }

    @Override
    public void startEpisode() {
        requireOpen();
    }

    @Override
    public void observe(Transition transition) {
        requireOpen();
        Optional<Correction> correction = Correction.of(transition, config.feedbackKinds(), actions, "clic-explicit");
        steps++;
        if (correction.isPresent()) {
            observations.normalise(transition.observation(), observationRow, 0);
            buffer.add(observationRow, correction.get());
            if (ready()) {
                update(buffer.sampler().nextWithNewest(batchSize()));
            } else {
                warmStart(correction.get());
            }
        } else if (ready() && config.updateEvery() > 0 && steps % config.updateEvery() == 0) {
            update(buffer.sampler().next(batchSize()));
        }
        if (transition.done() && ready()) {
            update(buffer.sampler().next(batchSize()));
        }
    }

    @Override
    public void endEpisode() {
        requireOpen();
        if (ready()) {
            for (int i = 0; i < config.endOfEpisodeUpdates() && !context.cancelled(); i++) {
                update(buffer.sampler().next(batchSize()));
            }
        }
        metrics.flush(context.metrics());
        context.metrics().record("corrections", buffer.size());
    }

    @Override
    public void save(Path directory) throws IOException {
        requireOpen();
        policy.save(directory.resolve("policy.bin"));
        adam.save(directory.resolve("adam.bin"));
        buffer.save(directory.resolve("corrections.bin"));
        LearnerState.save(directory.resolve("clic.properties"), steps, 0, updates);
    }

    @Override
    public void load(Path directory) throws IOException {
        requireOpen();
        policy.load(directory.resolve("policy.bin"));
        adam.load(directory.resolve("adam.bin"));
        buffer.load(directory.resolve("corrections.bin"));
        long[] state = LearnerState.load(directory.resolve("clic.properties"));
        steps = state[0];
        updates = state[2];
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }

    private boolean ready() {
        return buffer.size() >= config.minBufferSize();
    }

    private int batchSize() {
        return Math.min(config.batchSize(), buffer.size());
    }

    /** {@code 2σ(f(s)) − 1}, recorded. */
    private NDArray forward(NDArray states) {
        return Activation.sigmoid(policy.forward(states)).mul(two).sub(one);
    }

    /** One MSE step of the single state in {@code observationRow} towards {@code clip(a^r + e·h)}. */
    private void warmStart(Correction c) {
        StagedInput x = staged("single", new Shape(1, observationRow.length));
        StagedInput y = staged("target", new Shape(1, actionRow.length));
        x.values().put(observationRow);
        float[] target = new float[actionRow.length];
        c.corrected(target, 0);
        y.values().put(target);
        try (NDManager step = manager.newSubManager()) {
            NDArray states = x.upload(step);
            NDArray wanted = y.upload(step);
            try (GradientTape tape = GradientTape.record()) {
                NDArray loss = forward(states).sub(wanted).square().mean();
                tape.backward(loss);
                metrics.add(loss.getFloat());
            }
            adam.step();
        }
    }

    /** One Adam step on the mean weighted hinge loss of the batch. */
    private void update(Batch batch) {
        int n = batch.size();
        int k = hinges.count();
        int d = actionRow.length;
        StagedInput x = staged("x" + n, new Shape(n, observationRow.length));
        StagedInput u = staged("u" + n, new Shape(n, k, d));
        StagedInput beta = staged("b" + n, new Shape(n, k));
        List<Correction> corrections = buffer.corrections(batch);
        float[] uValues = new float[n * k * d];
        float[] betaValues = new float[n * k];
        SplittableRandom random = RandomStreams.at(trainSeed, updates++);
        for (int b = 0; b < n; b++) {
            hinges.fill(b, corrections.get(b), random, uValues, betaValues);
        }
        float[] obs = new float[n * observationRow.length];
        batch.gather(0, obs);
        x.values().put(obs);
        u.values().put(uValues);
        beta.values().put(betaValues);
        try (NDManager step = manager.newSubManager()) {
            try (GradientTape tape = GradientTape.record()) {
                NDArray a = forward(x.upload(step));
                NDArray arguments = a.expandDims(1).mul(u.upload(step)).sum(new int[] {2}).add(beta.upload(step));
                NDArray loss = Activation.relu(arguments).mul(hingeWeights).sum(new int[] {1}).mean();
                tape.backward(loss);
                metrics.add(loss.getFloat());
            }
            adam.step();
        }
    }

    private StagedInput staged(String key, Shape shape) {
        return staged.computeIfAbsent(key, k -> new StagedInput(manager, shape));
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the clic-explicit learner is closed");
        }
    }
}
