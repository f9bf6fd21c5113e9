package io.corrigo.plugin.bc;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.learner.DemonstrationLearner;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.Transition;
import io.corrigo.api.run.RunContext;
import io.corrigo.djl.AdamOptimizer;
import io.corrigo.djl.Batch;
import io.corrigo.djl.BatchSchedule;
import io.corrigo.djl.Devices;
import io.corrigo.djl.EpochSampler;
import io.corrigo.djl.GradientTape;
import io.corrigo.djl.LearnerCounters;
import io.corrigo.djl.MinMaxNormaliser;
import io.corrigo.djl.Mlp;
import io.corrigo.djl.OpenGuard;
import io.corrigo.djl.PerBatchSize;
import io.corrigo.djl.PointwiseLabels;
import io.corrigo.djl.ReplayBuffer;
import io.corrigo.djl.StagedInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Behaviour cloning on the labels received: a deterministic tanh-output MLP trained with
 * {@code 0.5·MSE} in min–max-normalised action space. With absolute corrections this is HG-DAgger
 * (Kelly et al., "HG-DAgger: Interactive Imitation Learning with Human Experts", ICRA 2019) on
 * CLIC's schedule (Li et al., arXiv 2502.07645, {@code agents/HG_DAgger.py}): every label joins a
 * FIFO buffer and triggers one update on a batch holding it; one more update every
 * {@code updateEvery} steps of the trial and at the episode's last step; {@code endOfEpisodeUpdates}
 * updates when the episode ends; nothing until {@code minBufferSize} labels are held.
 */
final class BcLearner implements Learner, DemonstrationLearner, LabelledState {

    private static final String OBSERVATION = "observation";
    private static final String LABEL = "label";

    private final BcConfig config;
    private final Space actionSpace;
    private final RunContext context;
    private final MinMaxNormaliser observations;
    private final MinMaxNormaliser actions;
    private final NDManager manager;
    private final Mlp policy;
    private final AdamOptimizer adam;
    private final ReplayBuffer labels;
    private final int observationField;
    private final int labelField;
    private final EpochSampler sampler;
    private final BatchSchedule batches;
    private final StagedInput single;
    private final PerBatchSize<StagedInput> batchObservations;
    private final PerBatchSize<StagedInput> batchLabels;
    private final NDArray half;
    private final NDArray lossSum;
    private final float[] observationRow;
    private final float[] labelRow;
    private final OpenGuard guard;
    private long steps;
    private int episodeUpdates;

    BcLearner(BcConfig config, Space observationSpace, Space actionSpace, RunContext context) {
        this.config = config;
        this.actionSpace = actionSpace;
        this.context = context;
        observations = MinMaxNormaliser.of(observationSpace);
        actions = MinMaxNormaliser.of(actionSpace);
        int dObs = observationSpace.dimension();
        int dAct = actionSpace.dimension();
        manager = Devices.newManager(context.device());
        try {
            policy = Mlp.builder().setInputSize(dObs).setHiddenSizes(config.hiddenSizes()).setOutputSize(dAct)
                    .optActivation(config.activation()).optOutputSquash(config.outputSquash())
                    .optInitialisation(config.init()).build(manager, context.random("learner"));
            adam = AdamOptimizer.builder().setLearningRate((float) config.learningRate())
                    .optEpsilon((float) config.adamEpsilon())
                    .optClipping(config.gradientClip() > 0 ? AdamOptimizer.Clipping.PER_TENSOR_NORM
                            : AdamOptimizer.Clipping.NONE, config.gradientClip() > 0 ? (float) config.gradientClip() : 1f)
                    .build(manager, policy.parameters());
            labels = ReplayBuffer.builder().setCapacity(config.bufferCapacity())
                    .addField(OBSERVATION, dObs).addField(LABEL, dAct).build();
            observationField = labels.field(OBSERVATION);
            labelField = labels.field(LABEL);
            sampler = new EpochSampler(labels, context.random("learner.batches"));
            batches = new BatchSchedule(sampler, labels::size,
                    config.minBufferSize(), config.batchSize());
            single = new StagedInput(manager, new Shape(1, dObs));
            batchObservations = new PerBatchSize<>(config.batchSize(), n -> new StagedInput(manager, new Shape(n, dObs)));
            batchLabels = new PerBatchSize<>(config.batchSize(), n -> new StagedInput(manager, new Shape(n, dAct)));
            half = manager.create(0.5f);
            lossSum = manager.zeros(new Shape());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        guard = new OpenGuard("the bc learner", manager::close);
        observationRow = new float[dObs];
        labelRow = new float[dAct];
        context.note("bc.policy", "MLP " + config.hiddenSizes() + " " + config.activation().name().toLowerCase(Locale.ROOT)
                + ", " + (config.outputSquash() == Mlp.OutputSquash.SIGMOID2 ? "2·sigmoid − 1" : "tanh")
                + " output on min-max-normalised actions, " + config.init().name().toLowerCase(Locale.ROOT)
                + " initialisation, Adam ε " + config.adamEpsilon()
                + " (CLIC's Keras HG-DAgger: [512, 512, 512, 256] tanh, 2·sigmoid − 1, keras, 1e-7)");
        context.note("bc.aggregate", config.aggregateUnlabelled()
                ? "every step: unlabelled steps with their executed action (the RLIF repository's baselines)"
                : "expert-labelled steps only");
        context.note("bc.gradientClip", config.gradientClip() > 0
                ? "L2 norm per parameter tensor <= " + config.gradientClip() : "off");
    }

    @Override
    public Action act(Observation observation) {
        guard.requireOpen();
        observations.normalise(observation, observationRow, 0);
        single.values().put(observationRow);
        try (NDArray out = policy.predict(single.upload(manager))) {
            return actions.toAction(out.toFloatArray(), 0);
        }
    }

    @Override
    public void startEpisode() {
        guard.requireOpen();
    }

    @Override
    public void observe(Transition transition) {
        guard.requireOpen();
        Optional<Action> label = labelOf(transition);
        steps++;
        if (label.isEmpty() && config.aggregateUnlabelled()) {
            observations.normalise(transition.observation(), observationRow, 0);
            actions.normalise(actionSpace.clip(transition.executed()), labelRow, 0);
            labels.add(observationRow, labelRow);
        }
        if (label.isPresent()) {
            observations.normalise(transition.observation(), observationRow, 0);
            actions.normalise(label.get(), labelRow, 0);
            labels.add(observationRow, labelRow);
            if (batches.ready()) {
                update(batches.nextWithNewest());
            }
        }
        boolean periodic = config.updateEvery() > 0 && steps % config.updateEvery() == 0;
        if (batches.ready() && (periodic || transition.done())) {
            update(batches.next());
        }
    }

    /** A demonstrated action is a label like any other. */
    @Override
    public void observeDemonstration(Transition transition) {
        guard.requireOpen();
        observations.normalise(transition.observation(), observationRow, 0);
        actions.normalise(actionSpace.clip(transition.executed()), labelRow, 0);
        labels.add(observationRow, labelRow);
    }

    @Override
    public void trainOnDemonstrations(int updates) {
        endEpisode(updates);
    }

    @Override
    public void endEpisode() {
        endEpisode(config.endOfEpisodeUpdates());
    }

    private void endEpisode(int updates) {
        guard.requireOpen();
        batches.repeat(updates, context::cancelled, this::update);
        if (episodeUpdates > 0) {
            context.metrics().record("loss", lossSum.getFloat() / episodeUpdates, "(normalised action)²");
            lossSum.subi(lossSum);
        }
        context.metrics().record("updates", episodeUpdates, "updates");
        context.metrics().record("labels", labels.size(), "labels");
        episodeUpdates = 0;
    }

    @Override
    public ReplayBuffer labels() {
        return labels;
    }

    @Override
    public EpochSampler labelSampler() {
        return sampler;
    }

    /** The policy, Adam's state and the step count. */
    @Override
    public void saveNetwork(Path directory) throws IOException {
        guard.requireOpen();
        policy.save(directory.resolve("policy.bin"));
        adam.save(directory.resolve("adam.bin"));
        LearnerCounters.of("steps", steps).save(directory.resolve("bc.properties"), "bc learner state");
    }

    @Override
    public void loadNetwork(Path directory) throws IOException {
        guard.requireOpen();
        policy.load(directory.resolve("policy.bin"));
        adam.load(directory.resolve("adam.bin"));
        steps = LearnerCounters.load(directory.resolve("bc.properties")).get("steps");
    }

    @Override
    public void close() {
        guard.close();
    }

    /** The label a feedback carries, clipped into the action space; empty when nothing was said. */
    private Optional<Action> labelOf(Transition transition) {
        return PointwiseLabels.of(transition, config.feedbackKinds(), actionSpace, "bc");
    }

    /** One Adam step on {@code 0.5·mean((π(s) − label)²)} over the batch. */
    private void update(Batch batch) {
        int n = batch.size();
        StagedInput x = batchObservations.get(n);
        StagedInput y = batchLabels.get(n);
        batch.gather(observationField, x.values());
        batch.gather(labelField, y.values());
        try (NDManager step = manager.newSubManager()) {
            NDArray in = x.upload(step);
            NDArray target = y.upload(step);
            try (GradientTape tape = GradientTape.record()) {
                NDArray loss = policy.forward(in).sub(target).square().mean().mul(half);
                tape.backward(loss);
                lossSum.addi(loss.stopGradient());
            }
            adam.step();
        }
        episodeUpdates++;
    }
}
