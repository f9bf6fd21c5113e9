package io.corrigo.plugin.bc;

import ai.djl.ndarray.NDManager;
import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Scene;
import io.corrigo.api.learner.DemonstrationLearner;
import io.corrigo.api.learner.Landscape;
import io.corrigo.api.learner.LandscapeSource;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.Transition;
import io.corrigo.api.run.RunContext;
import io.corrigo.djl.AdamOptimizer;
import io.corrigo.djl.Batch;
import io.corrigo.djl.BatchSchedule;
import io.corrigo.djl.Deviations;
import io.corrigo.djl.Devices;
import io.corrigo.djl.EpochSampler;
import io.corrigo.djl.LearnerCounters;
import io.corrigo.djl.MinMaxNormaliser;
import io.corrigo.djl.OpenGuard;
import io.corrigo.djl.PerBatchSize;
import io.corrigo.djl.PointwiseLabels;
import io.corrigo.djl.RandomStreams;
import io.corrigo.djl.ReplayBuffer;
import io.corrigo.djl.ebm.CandidateSet;
import io.corrigo.djl.ebm.ContrastiveTrainer;
import io.corrigo.djl.ebm.DerivativeFreeOptimizer;
import io.corrigo.djl.ebm.EnergyLandscape;
import io.corrigo.djl.ebm.EnergyNetwork;
import io.corrigo.djl.ebm.EnergySampler;
import io.corrigo.djl.ebm.EpisodeMetrics;
import io.corrigo.djl.ebm.Langevin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Implicit behaviour cloning (Florence et al., "Implicit Behavioral Cloning", CoRL 2021) as CLIC's
 * IBC baseline runs it (Li et al., arXiv:2502.07645, {@code agents/IBC.py}; clic.md §5.2): an
 * energy network {@code Q(s, a)} trained with InfoNCE on the labels received (each label in slot 0
 * of {@code N} counter-examples, target = the candidates within squared distance 1e-4 of the label),
 * plus the action-gradient penalty; actions from Langevin passes or DFO over uniform samples, drawn
 * from {@code softmax(Q/0.1)}. Labels are stored and scheduled like HG-DAgger's ({@code bc}): one
 * update per label with the newest in the batch, one every {@code updateEvery} steps without a label,
 * {@code endOfEpisodeUpdates} at the end of each episode.
 */
final class IbcLearner implements Learner, LandscapeSource, DemonstrationLearner, LabelledState {

    private static final double LABEL_RADIUS_SQUARED = 1e-4;
    private static final int OVERLAY_LABELS = 16;

    private final IbcConfig config;
    private final Space actionSpace;
    private final RunContext context;
    private final MinMaxNormaliser observations;
    private final MinMaxNormaliser actions;
    private final NDManager manager;
    private final EnergyNetwork network;
    private final AdamOptimizer adam;
    private final ContrastiveTrainer trainer;
    private final EnergySampler sampler;
    private final ReplayBuffer labels;
    private final EpochSampler replay;
    private final BatchSchedule batches;
    private final PerBatchSize<CandidateSet> candidates;
    private final LabelTarget target;
    private final float[] observationRow;
    private final float[] labelRow;
    private final float[] actionRow;
    private final float[] batchObservations;
    private final long actSeed;
    private final long trainSeed;
    private final EpisodeMetrics metrics = new EpisodeMetrics();
    private final OpenGuard guard;
    private long steps;
    private long acts;
    private long updates;

    IbcLearner(IbcConfig config, Space observationSpace, Space actionSpace, RunContext context) {
        this.config = config;
        this.actionSpace = actionSpace;
        this.context = context;
        observations = MinMaxNormaliser.of(observationSpace);
        actions = MinMaxNormaliser.of(actionSpace);
        int dObs = observationSpace.dimension();
        int dAct = actionSpace.dimension();
        manager = Devices.newManager(context.device());
        try {
            network = EnergyNetwork.builder().setObservationSize(dObs).setActionSize(dAct)
                    .setHiddenSizes(config.hiddenSizes()).build(manager, context.random("learner"));
            AdamOptimizer.Builder optimiser = AdamOptimizer.builder().setLearningRate((float) config.learningRate())
                    .optEpsilon((float) config.adamEpsilon()).optWeightDecay((float) config.weightDecay());
            if (config.gradientClip() > 0) {
                optimiser.optClipping(AdamOptimizer.Clipping.GLOBAL_NORM, (float) config.gradientClip());
            }
            adam = optimiser.build(manager, network.parameters());
            trainer = new ContrastiveTrainer(manager, network, adam, Langevin.of(config.trainingLangevinSteps()),
                    config.softmaxTemperature(), config.gradientPenalty(), config.penaltyMargin());
            sampler = config.inference() == EnergySampler.Method.DFO
                    ? EnergySampler.dfo(manager, dObs, dAct, config.actSamples(),
                            DerivativeFreeOptimizer.of(config.dfoIterations(), config.actTemperature()), config.actTemperature())
                    : EnergySampler.langevin(manager, dObs, dAct, config.actSamples(), Langevin.of(config.actLangevinSteps()),
                            config.actLangevinPasses(), config.actTemperature());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        labels = ReplayBuffer.builder().setCapacity(config.bufferCapacity())
                .addField("observation", dObs).addField("label", dAct).build();
        replay = new EpochSampler(labels, context.random("learner.batches"));
        batches = new BatchSchedule(replay, labels::size,
                config.minBufferSize(), config.batchSize());
        candidates = new PerBatchSize<>(config.batchSize(),
                n -> new CandidateSet(manager, dObs, dAct, n, config.trainingSamples()));
        target = new LabelTarget(dAct, config.batchSize());
        observationRow = new float[dObs];
        labelRow = new float[dAct];
        actionRow = new float[dAct];
        batchObservations = new float[config.batchSize() * dObs];
        actSeed = context.seed("learner.act");
        trainSeed = context.seed("learner.train");
        guard = new OpenGuard("the ibc learner", manager::close);
        noteSettings();
    }

    private void noteSettings() {
        List<String> deviations = Deviations.of(config, IbcConfig.DEFAULTS);
        context.note("ibc.preset", config.preset().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        context.note("ibc.deviations", deviations.isEmpty() ? "none" : String.join("; ", deviations));
        context.note("ibc.gradientPenalty", config.gradientPenalty() > 0
                ? "exact double back-propagation; " + io.corrigo.djl.NativeAutograd.describe() : "off");
        context.note("ibc.inference", config.inference() == EnergySampler.Method.DFO
                ? config.actSamples() + " uniform samples, " + config.dfoIterations() + " DFO rounds, softmax(Q/"
                        + config.actTemperature() + ")"
                : config.actSamples() + " uniform samples, " + config.actLangevinPasses() + " x " + config.actLangevinSteps()
                        + " Langevin steps, softmax(Q/" + config.actTemperature() + ")");
    }

    @Override
    public Action act(Observation observation) {
        guard.requireOpen();
        observations.normalise(observation, observationRow, 0);
        sampler.act(network, observationRow, actionRow, RandomStreams.at(actSeed, acts++));
        return actions.toAction(actionRow, 0);
    }

    @Override
    public void startEpisode() {
        guard.requireOpen();
    }

    @Override
    public void observe(Transition transition) {
        guard.requireOpen();
        Optional<Action> label = PointwiseLabels.of(transition, config.feedbackKinds(), actionSpace, "ibc");
        steps++;
        if (label.isPresent()) {
            observations.normalise(transition.observation(), observationRow, 0);
            actions.normalise(label.get(), labelRow, 0);
            labels.add(observationRow, labelRow);
            if (batches.ready()) {
                update(batches.nextWithNewest());
            }
        } else if (batches.ready() && config.updateEvery() > 0 && steps % config.updateEvery() == 0) {
            update(batches.next());
        }
    }

    @Override
    public void endEpisode() {
        endEpisode(config.endOfEpisodeUpdates());
    }

    private void endEpisode(int updates) {
        guard.requireOpen();
        batches.repeat(updates, context::cancelled, this::update);
        metrics.flush(context.metrics());
        context.metrics().record("labels", labels.size(), "labels");
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
    public Optional<Landscape> landscape(Observation observation, int resolution) {
        guard.requireOpen();
        if (actionSpace.dimension() != 2) {
            return Optional.empty();
        }
        observations.normalise(observation, observationRow, 0);
        float[][] grid = EnergyLandscape.grid(manager, network, observationRow, resolution, EnergyLandscape.TEMPERATURE);
        List<Scene.Shape> overlay = new ArrayList<>();
        float[] row = new float[observationRow.length];
        float[] label = new float[2];
        double radius = 0.01 * (actionSpace.high(0) - actionSpace.low(0));
        IntStream.range(0, labels.size()).boxed()
                .sorted(Comparator.comparingDouble(slot -> distance(slot, row)))
                .limit(OVERLAY_LABELS)
                .forEach(slot -> {
                    labels.copy(1, slot, label, 0);
                    Action a = actions.toAction(label, 0);
                    overlay.add(new Scene.Circle(new Scene.Point(a.get(0), a.get(1)), radius, Scene.Tone.TARGET, true));
                });
        return Optional.of(new Landscape(grid, overlay));
    }

    private double distance(int slot, float[] scratch) {
        labels.copy(0, slot, scratch, 0);
        double d = 0;
        for (int i = 0; i < scratch.length; i++) {
            d += (scratch[i] - observationRow[i]) * (scratch[i] - observationRow[i]);
        }
        return d;
    }

    @Override
    public ReplayBuffer labels() {
        return labels;
    }

    @Override
    public EpochSampler labelSampler() {
        return replay;
    }

    /** The energy network, Adam's state and the counters the act and update seeds derive from. */
    @Override
    public void saveNetwork(Path directory) throws IOException {
        guard.requireOpen();
        network.save(directory.resolve("energy.bin"));
        adam.save(directory.resolve("adam.bin"));
        LearnerCounters.of("steps", steps).and("acts", acts).and("updates", updates)
                .save(directory.resolve("ibc.properties"), "ibc learner state");
    }

    @Override
    public void loadNetwork(Path directory) throws IOException {
        guard.requireOpen();
        network.load(directory.resolve("energy.bin"));
        adam.load(directory.resolve("adam.bin"));
        LearnerCounters state = LearnerCounters.load(directory.resolve("ibc.properties"));
        steps = state.get("steps");
        acts = state.get("acts");
        updates = state.get("updates");
    }

    @Override
    public void close() {
        guard.close();
    }

    private void update(Batch batch) {
        int n = batch.size();
        CandidateSet set = candidates.get(n);
        batch.gather(0, batchObservations);
        for (int b = 0; b < n; b++) {
            set.setObservation(b, batchObservations, b * observationRow.length);
        }
        batch.gather(1, target.labels);
        metrics.add(trainer.update(set, target, RandomStreams.at(trainSeed, updates++)));
    }

    /** Slot 0 holds the label; the target is uniform over the candidates within 1e-2 of it. */
    private static final class LabelTarget implements ContrastiveTrainer.Target {

        private final int dimension;
        final float[] labels;

        LabelTarget(int dimension, int batchSize) {
            this.dimension = dimension;
            this.labels = new float[dimension * batchSize];
        }

        @Override
        public void placeKnownActions(CandidateSet candidates) {
            for (int b = 0; b < candidates.states(); b++) {
                candidates.setAction(0, b, labels, b * dimension);
            }
        }

        @Override
        public void fill(CandidateSet candidates, float[] q, float[] target) {
            int n = candidates.candidates();
            for (int b = 0; b < candidates.states(); b++) {
                int hits = 0;
                for (int j = 0; j < n; j++) {
                    double d = 0;
                    for (int i = 0; i < dimension; i++) {
                        double diff = candidates.action(j, b, i) - labels[b * dimension + i];
                        d += diff * diff;
                    }
                    boolean near = d <= LABEL_RADIUS_SQUARED;
                    target[b * n + j] = near ? 1f : 0f;
                    hits += near ? 1 : 0;
                }
                for (int j = 0; j < n; j++) {
                    target[b * n + j] /= hits;
                }
            }
        }
    }
}
