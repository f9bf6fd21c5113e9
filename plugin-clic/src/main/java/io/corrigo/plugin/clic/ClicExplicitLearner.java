package io.corrigo.plugin.clic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.learner.DemonstrationLearner;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.Transition;
import io.corrigo.api.run.RunContext;
import io.corrigo.djl.AdamOptimizer;
import io.corrigo.djl.Batch;
import io.corrigo.djl.BatchSchedule;
import io.corrigo.djl.Deviations;
import io.corrigo.djl.Devices;
import io.corrigo.djl.GradientTape;
import io.corrigo.djl.LearnerCounters;
import io.corrigo.djl.MinMaxNormaliser;
import io.corrigo.djl.Mlp;
import io.corrigo.djl.OpenGuard;
import io.corrigo.djl.PerBatchSize;
import io.corrigo.djl.RandomStreams;
import io.corrigo.djl.StagedInput;
import io.corrigo.djl.ebm.EpisodeMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
final class ClicExplicitLearner implements Learner, DemonstrationLearner, BufferedState {

    private final ClicExplicitConfig config;
    private final RunContext context;
    private final MinMaxNormaliser observations;
    private final MinMaxNormaliser actions;
    private final NDManager manager;
    private final Mlp policy;
    private final AdamOptimizer adam;
    private final ExplicitHinges hinges;
    private final CorrectionBuffer buffer;
    private final BatchSchedule batches;
    private final NDArray two;
    private final NDArray one;
    private final NDArray hingeWeights;
    private final StagedInput single;
    private final StagedInput singleTarget;
    private final PerBatchSize<StagedInput> batchObservations;
    private final PerBatchSize<StagedInput> batchNormals;
    private final PerBatchSize<StagedInput> batchOffsets;
    private final float[] observationRow;
    private final float[] actionRow;
    private final long trainSeed;
    private final EpisodeMetrics metrics = new EpisodeMetrics("action units (hinge)");
    private final OpenGuard guard;
    private long steps;
    private long updates;

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
            single = new StagedInput(manager, new Shape(1, dObs));
            singleTarget = new StagedInput(manager, new Shape(1, dAct));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        buffer = new CorrectionBuffer(config.bufferCapacity(), dObs, dAct, context.random("learner.batches"));
        batches = new BatchSchedule(buffer.sampler(), buffer::size, config.minBufferSize(), config.batchSize());
        int k = hinges.count();
        batchObservations = new PerBatchSize<>(config.batchSize(), n -> new StagedInput(manager, new Shape(n, dObs)));
        batchNormals = new PerBatchSize<>(config.batchSize(), n -> new StagedInput(manager, new Shape(n, k, dAct)));
        batchOffsets = new PerBatchSize<>(config.batchSize(), n -> new StagedInput(manager, new Shape(n, k)));
        guard = new OpenGuard("the clic-explicit learner", manager::close);
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
        guard.requireOpen();
        observations.normalise(observation, observationRow, 0);
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
        guard.requireOpen();
    }

    @Override
    public void observe(Transition transition) {
        guard.requireOpen();
        Optional<Correction> correction = Correction.of(transition, config.feedbackKinds(), actions, "clic-explicit");
        steps++;
        if (correction.isPresent()) {
            observations.normalise(transition.observation(), observationRow, 0);
            buffer.add(observationRow, correction.get());
            if (batches.ready()) {
                update(batches.nextWithNewest());
            } else {
                warmStart(correction.get());
            }
        } else if (batches.ready() && config.updateEvery() > 0 && steps % config.updateEvery() == 0) {
            update(batches.next());
        }
        if (transition.done() && batches.ready()) {
            update(batches.next());
        }
    }

    @Override
    public void endEpisode() {
        guard.requireOpen();
        batches.repeat(config.endOfEpisodeUpdates(), context::cancelled, this::update);
        metrics.flush(context.metrics());
        context.metrics().record("corrections", buffer.size(), "corrections");
    }


    /**
     * A demonstration is read as an absolute correction of the action this learner would have
     * proposed at that state (CLIC learns from corrections, and a demonstrated action corrects
     * whatever the robot would have done); vanishing corrections carry no set and are dropped.
     */
    @Override
    public void observeDemonstration(Transition transition) {
        guard.requireOpen();
        Correction.ofDemonstration(transition, act(transition.observation()), actions, "clic-explicit").ifPresent(c -> {
            observations.normalise(transition.observation(), observationRow, 0);
            buffer.add(observationRow, c);
        });
    }

    @Override
    public void trainOnDemonstrations(int updates) {
        guard.requireOpen();
        batches.repeat(updates, context::cancelled, this::update);
        metrics.flush(context.metrics());
        context.metrics().record("corrections", buffer.size(), "corrections");
    }

    @Override
    public void save(Path directory) throws IOException {
        guard.requireOpen();
        policy.save(directory.resolve("policy.bin"));
        adam.save(directory.resolve("adam.bin"));
        buffer.save(directory.resolve("corrections.bin"));
        LearnerCounters.of("steps", steps).and("acts", 0).and("updates", updates)
                .save(directory.resolve("clic.properties"), "CLIC learner counters");
    }

    @Override
    public void load(Path directory) throws IOException {
        guard.requireOpen();
        policy.load(directory.resolve("policy.bin"));
        adam.load(directory.resolve("adam.bin"));
        buffer.load(directory.resolve("corrections.bin"));
        LearnerCounters state = LearnerCounters.load(directory.resolve("clic.properties"));
        steps = state.get("steps");
        updates = state.get("updates");
    }

    @Override
    public CorrectionBuffer buffer() {
        return buffer;
    }

    @Override
    public void close() {
        guard.close();
    }

    /** {@code 2σ(f(s)) − 1}, recorded. */
    private NDArray forward(NDArray states) {
        return Activation.sigmoid(policy.forward(states)).mul(two).sub(one);
    }

    /** One MSE step of the single state in {@code observationRow} towards {@code clip(a^r + e·h)}. */
    private void warmStart(Correction c) {
        single.values().put(observationRow);
        float[] target = new float[actionRow.length];
        c.corrected(target, 0);
        singleTarget.values().put(target);
        try (NDManager step = manager.newSubManager()) {
            NDArray states = single.upload(step);
            NDArray wanted = singleTarget.upload(step);
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
        StagedInput x = batchObservations.get(n);
        StagedInput u = batchNormals.get(n);
        StagedInput beta = batchOffsets.get(n);
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
}
