package io.corrigo.plugin.clic;

import ai.djl.ndarray.NDManager;
import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Scene;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.learner.DemonstrationLearner;
import io.corrigo.api.learner.Landscape;
import io.corrigo.api.learner.LandscapeSource;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.Transition;
import io.corrigo.api.run.RunContext;
import io.corrigo.djl.AdamOptimizer;
import io.corrigo.djl.Batch;
import io.corrigo.djl.BatchSchedule;
import io.corrigo.djl.Devices;
import io.corrigo.djl.LearnerCounters;
import io.corrigo.djl.MinMaxNormaliser;
import io.corrigo.djl.OpenGuard;
import io.corrigo.djl.PerBatchSize;
import io.corrigo.djl.RandomStreams;
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
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Energy-based CLIC (Li et al., arXiv:2502.07645, {@code agents/CLIC_torch.py} and {@code CLIC_tf.py};
 * clic.md §2.3, §4.1–4.5): an energy network {@code Q(s, a)} trained towards
 * {@code p* ∝ softmax(Q/τ) · exp(ℓ/0.1)} over Langevin (or uniform) counter-examples plus the
 * correction's known actions, with the action-gradient penalty; the desired set is CLIC-Half's
 * relaxed cone or CLIC-Circular's ball. Every correction joins a FIFO buffer; once it holds
 * {@code minBufferSize} tuples each correction triggers one update on a batch holding it, a step
 * without one updates every {@code updateEvery} steps of the trial, and each episode ends with
 * {@code endOfEpisodeUpdates} updates. Actions are sampled as in the repository: uniform samples
 * improved by Langevin passes (or DFO), drawn from {@code softmax(Q/0.1)}.
 */
final class EnergyClicLearner implements Learner, LandscapeSource, DemonstrationLearner, BufferedState {

    private static final int OVERLAY_CORRECTIONS = 8;

    private final EnergySettings settings;
    private final RunContext context;
    private final MinMaxNormaliser observations;
    private final MinMaxNormaliser actions;
    private final NDManager manager;
    private final EnergyNetwork network;
    private final AdamOptimizer adam;
    private final ContrastiveTrainer trainer;
    private final EnergySampler sampler;
    private final DesiredSet desiredSet;
    private final ClicTarget target;
    private final CorrectionBuffer buffer;
    private final BatchSchedule batches;
    private final PerBatchSize<CandidateSet> candidates;
    private final float[] observationRow;
    private final float[] actionRow;
    private final long actSeed;
    private final long trainSeed;
    private final EpisodeMetrics metrics = new EpisodeMetrics();
    private final OpenGuard guard;
    private long steps;
    private long acts;
    private long updates;

    EnergyClicLearner(EnergySettings settings, DesiredSet desiredSet, Space observationSpace, Space actionSpace,
                      RunContext context) {
        this.settings = settings;
        this.context = context;
        this.desiredSet = desiredSet;
        observations = MinMaxNormaliser.of(observationSpace);
        actions = MinMaxNormaliser.of(actionSpace);
        int dObs = observationSpace.dimension();
        int dAct = actionSpace.dimension();
        manager = Devices.newManager(context.device());
        try {
            network = EnergyNetwork.builder().setObservationSize(dObs).setActionSize(dAct)
                    .setHiddenSizes(settings.hiddenSizes()).build(manager, context.random("learner"));
            AdamOptimizer.Builder optimiser = AdamOptimizer.builder().setLearningRate((float) settings.learningRate());
            if (settings.gradientClip() > 0) {
                optimiser.optClipping(settings.clipping(), (float) settings.gradientClip());
            }
            adam = optimiser.build(manager, network.parameters());
            trainer = new ContrastiveTrainer(manager, network, adam, Langevin.of(settings.trainingLangevinSteps()),
                    settings.softmaxTemperature(), settings.gradientPenalty(), settings.penaltyMargin());
            sampler = settings.inference() == EnergySampler.Method.DFO
                    ? EnergySampler.dfo(manager, dObs, dAct, settings.actSamples(),
                            DerivativeFreeOptimizer.of(settings.dfoIterations(), settings.actTemperature()),
                            settings.actTemperature())
                    : EnergySampler.langevin(manager, dObs, dAct, settings.actSamples(),
                            Langevin.of(settings.actLangevinSteps()), settings.actLangevinPasses(), settings.actTemperature());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        target = new ClicTarget(desiredSet, settings.softmaxTemperature(), settings.likelihoodScale());
        buffer = new CorrectionBuffer(settings.bufferCapacity(), dObs, dAct, context.random("learner.batches"));
        batches = new BatchSchedule(buffer.sampler(), buffer::size, settings.minBufferSize(), settings.batchSize());
        candidates = new PerBatchSize<>(settings.batchSize(),
                n -> new CandidateSet(manager, dObs, dAct, n, settings.trainingSamples()));
        observationRow = new float[dObs];
        actionRow = new float[dAct];
        actSeed = context.seed("learner.act");
        trainSeed = context.seed("learner.train");
        guard = new OpenGuard("the " + settings.id() + " learner", manager::close);
        ClicNotes.energy(context, settings);
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
        Optional<Correction> correction = Correction.of(transition, settings.feedbackKinds(), actions, settings.id());
        steps++;
        if (correction.isPresent()) {
            observations.normalise(transition.observation(), observationRow, 0);
            buffer.add(observationRow, correction.get());
            if (batches.ready()) {
                update(batches.nextWithNewest());
            }
        } else if (batches.ready() && settings.updateEvery() > 0 && steps % settings.updateEvery() == 0) {
            update(batches.next());
        }
    }

    @Override
    public void endEpisode() {
        guard.requireOpen();
        batches.repeat(settings.endOfEpisodeUpdates(), context::cancelled, this::update);
        metrics.flush(context.metrics());
        context.metrics().record("corrections", buffer.size(), "corrections");
    }

    @Override
    public Optional<Landscape> landscape(Observation observation, int resolution) {
        guard.requireOpen();
        if (actionRow.length != 2) {
            return Optional.empty();
        }
        observations.normalise(observation, observationRow, 0);
        float[][] grid = EnergyLandscape.grid(manager, network, observationRow, resolution, EnergyLandscape.TEMPERATURE);
        List<Scene.Shape> overlay = new ArrayList<>();
        double dot = 0.01 * (actions.space().high(0) - actions.space().low(0));
        for (Correction c : buffer.nearest(observationRow, OVERLAY_CORRECTIONS)) {
            float[] plus = new float[2];
            c.corrected(plus, 0);
            overlay.add(new Scene.Circle(point(c.robot()), dot, Scene.Tone.AGENT, true));
            overlay.add(new Scene.Circle(point(plus), dot, Scene.Tone.TARGET, true));
            overlay.addAll(desiredSet.outline(c, this::point));
        }
        return Optional.of(new Landscape(grid, overlay));
    }

    private Scene.Point point(float[] normalised) {
        return new Scene.Point(actions.denormalise(0, normalised[0]), actions.denormalise(1, normalised[1]));
    }


    /**
     * A demonstration is read as an absolute correction of the action this learner would have
     * proposed at that state (CLIC learns from corrections, and a demonstrated action corrects
     * whatever the robot would have done); vanishing corrections carry no set and are dropped.
     */
    @Override
    public void observeDemonstration(Transition transition) {
        guard.requireOpen();
        Correction.ofDemonstration(transition, act(transition.observation()), actions, settings.id()).ifPresent(c -> {
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
        network.save(directory.resolve("energy.bin"));
        adam.save(directory.resolve("adam.bin"));
        buffer.save(directory.resolve("corrections.bin"));
        LearnerCounters.of("steps", steps).and("acts", acts).and("updates", updates)
                .save(directory.resolve("clic.properties"), "CLIC learner counters");
    }

    @Override
    public void load(Path directory) throws IOException {
        guard.requireOpen();
        network.load(directory.resolve("energy.bin"));
        adam.load(directory.resolve("adam.bin"));
        buffer.load(directory.resolve("corrections.bin"));
        LearnerCounters state = LearnerCounters.load(directory.resolve("clic.properties"));
        steps = state.get("steps");
        acts = state.get("acts");
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

    private void update(Batch batch) {
        int n = batch.size();
        CandidateSet set = candidates.get(n);
        if (!settings.schedule().constant()) {
            adam.setLearningRate((float) settings.schedule().rate(settings.learningRate(), adam.updates()));
        }
        SplittableRandom random = RandomStreams.at(trainSeed, updates++);
        List<Correction> corrections = buffer.gather(batch, set);
        for (int b = 0; b < n; b++) {
            desiredSet.prepare(b, corrections.get(b), random);
        }
        metrics.add(trainer.update(set, target, random));
    }
}
