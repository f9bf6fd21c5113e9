package io.corrigo.plugin.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.learner.DemonstrationLearner;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.RolloutAware;
import io.corrigo.api.learner.Transition;
import io.corrigo.api.run.Checkpointable;
import io.corrigo.api.run.RunContext;
import io.corrigo.djl.AdamOptimizer;
import io.corrigo.djl.Devices;
import io.corrigo.djl.ExponentialMovingAverage;
import io.corrigo.djl.GradientTape;
import io.corrigo.djl.LearnerCounters;
import io.corrigo.djl.MinMaxNormaliser;
import io.corrigo.djl.NoGradient;
import io.corrigo.djl.OpenGuard;
import io.corrigo.djl.PointwiseLabels;
import io.corrigo.djl.RandomStreams;
import io.corrigo.djl.TensorFiles;
import io.corrigo.djl.WarmupCosineSchedule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Diffusion Policy (Chi et al., RSS 2023) as an interactive and offline learner: a denoiser trained
 * with ε-prediction on windows of labelled steps ({@link ChunkDataset}), AdamW with warm-up and a
 * cosine schedule, an exponential moving average of the weights that acts, and chunks sampled by
 * DDIM or DDPM ({@link DiffusionSampler}) executed with a receding horizon ({@link RecedingHorizon}).
 * Labels are read as {@code bc} reads them; steps without a label stay in the episode as context
 * with their loss masked out. Updates follow CLIC's baselines: one per label with the newest window
 * in the batch, one every {@code updateEvery} steps and at the episode's last step, and
 * {@code endOfEpisodeUpdates} when it ends.
 */
final class DiffusionLearner implements Learner, DemonstrationLearner, RolloutAware, Checkpointable {

    private final DiffusionConfig config;
    private final Space actionSpace;
    private final RunContext context;
    private final MinMaxNormaliser observations;
    private final MinMaxNormaliser actions;
    private final NDManager manager;
    private final Denoiser denoiser;
    private final Map<String, NDArray> weights;
    private final AdamOptimizer adam;
    private final ExponentialMovingAverage average;
    private final NoiseSchedule schedule;
    private final DiffusionSampler sampler;
    private final StepEmbedding embedding;
    private final ChunkDataset dataset;
    private final RecedingHorizon horizon;
    private final DiffusionBatch batch;
    private final DiffusionBatch single;
    private final RandomGenerator trainRandom;
    /** 1 / (labelled entries of the batch), in engine memory: see {@link #update}. */
    private final NDArray lossScale;
    private final long actSeed;
    private final float[] observationRow;
    private final float[] actionRow;
    private final OpenGuard guard;
    private WarmupCosineSchedule learningRates;
    private long phaseUpdates;
    private long steps;
    private long plans;
    private long updates;
    private double lossSum;
    private int episodeUpdates;

    DiffusionLearner(DiffusionConfig config, Space observationSpace, Space actionSpace, RunContext context) {
        this.config = config;
        this.actionSpace = actionSpace;
        this.context = context;
        observations = MinMaxNormaliser.of(observationSpace);
        actions = MinMaxNormaliser.of(actionSpace);
        int dObs = observationSpace.dimension();
        int dAct = actionSpace.dimension();
        Horizons h = config.horizons();
        int chunk = h.prediction() * dAct;
        int history = h.observation() * dObs;
        denoiser = config.denoiser() == DiffusionConfig.DenoiserKind.UNET
                ? new UnetDenoiser(h.prediction(), dAct, history, config.stepEmbedding(), config.unetDownDims(), config.unetKernel())
                : new MlpDenoiser(chunk, history, config.stepEmbedding(), config.mlpWidth(), config.mlpBlocks());
        manager = Devices.newManager(context.device());
        try {
            weights = denoiser.initialise(manager, context.random("learner"));
            adam = AdamOptimizer.builder().setLearningRate((float) config.learningRate())
                    .optBeta1((float) config.adamBeta1()).optBeta2((float) config.adamBeta2())
                    .optEpsilon((float) config.adamEpsilon()).optWeightDecay((float) config.weightDecay())
                    .build(manager, weights);
            average = new ExponentialMovingAverage(manager, weights, config.emaPower(), config.emaMaxDecay());
            batch = new DiffusionBatch(manager, config.batchSize(), chunk, history, config.stepEmbedding());
            single = new DiffusionBatch(manager, 1, chunk, history, config.stepEmbedding());
            try (NDArray staged = manager.create(1f)) {
                lossScale = staged.duplicate();
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        guard = new OpenGuard("the diffusion learner", manager::close);
        schedule = NoiseSchedule.squaredCosine(config.diffusionSteps());
        sampler = new DiffusionSampler(schedule, config.sampler(), config.samplingSteps(), config.eta());
        embedding = new StepEmbedding(config.stepEmbedding(), config.diffusionSteps());
        dataset = new ChunkDataset(dObs, dAct, h, config.bufferCapacity(), context.random("learner.batches"));
        horizon = new RecedingHorizon(h, dObs, dAct);
        trainRandom = context.random("learner.train");
        actSeed = context.seed("learner.act");
        observationRow = new float[dObs];
        actionRow = new float[dAct];
        learningRates = interactiveSchedule();
        DiffusionNotes.record(context, config, denoiser, sampler);
    }

    @Override
    public void startRollout() {
        guard.requireOpen();
        horizon.reset();
    }

    @Override
    public Action act(Observation observation) {
        guard.requireOpen();
        observations.normalise(observation, observationRow, 0);
        horizon.observe(observationRow);
        if (horizon.needsPlan()) {
            horizon.plan(sampleChunk());
        }
        horizon.next(actionRow);
        return actions.toAction(actionRow, 0);
    }

    /** One chunk from fresh noise, denoised with the acting weights. */
    private float[] sampleChunk() {
        SplittableRandom random = RandomStreams.at(actSeed, plans++);
        float[] x = new float[single.chunk()];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) random.nextGaussian();
        }
        Map<String, NDArray> acting = config.ema() ? average.parameters() : weights;
        float[] history = horizon.history();
        float[] step = new float[embedding.dimension()];
        try (NoGradient ignored = NoGradient.enter()) {
            sampler.sample(x, (xt, t, epsilon) -> {
                embedding.write(t, step, 0);
                try (NDManager scope = manager.newSubManager()) {
                    NDArray out = denoiser.forward(single.noisy(xt, scope), single.steps(step, scope),
                            single.observations(history, scope), acting);
                    System.arraycopy(out.toFloatArray(), 0, epsilon, 0, epsilon.length);
                }
            }, random);
        }
        return x;
    }

    @Override
    public void startEpisode() {
        guard.requireOpen();
    }

    @Override
    public void observe(Transition transition) {
        guard.requireOpen();
        Optional<Action> label = PointwiseLabels.of(transition, config.feedbackKinds(), actionSpace, "diffusion");
        if (transition.executedBy() == Response.Executor.TEACHER) {
            horizon.interrupt();
        }
        steps++;
        observations.normalise(transition.observation(), observationRow, 0);
        actions.normalise(label.orElse(actionSpace.clip(transition.executed())), actionRow, 0);
        dataset.add(observationRow, actionRow, label.isPresent());
        if (label.isPresent() && ready()) {
            update(true);
        }
        boolean periodic = config.updateEvery() > 0 && steps % config.updateEvery() == 0;
        if (ready() && (periodic || transition.done())) {
            update(false);
        }
        if (transition.done()) {
            dataset.endEpisode();
        }
    }

    @Override
    public void endEpisode() {
        guard.requireOpen();
        dataset.endEpisode();
        train(config.endOfEpisodeUpdates(), config.minBufferSize());
    }

    /** Every demonstrated step is labelled with the action the demonstrator executed. */
    @Override
    public void observeDemonstration(Transition transition) {
        guard.requireOpen();
        observations.normalise(transition.observation(), observationRow, 0);
        actions.normalise(actionSpace.clip(transition.executed()), actionRow, 0);
        dataset.add(observationRow, actionRow, true);
        if (transition.done()) {
            dataset.endEpisode();
        }
    }

    /** Diffusion Policy's offline recipe: warm-up, then cosine decay to 0 over the offline updates. */
    @Override
    public void trainOnDemonstrations(int updates) {
        guard.requireOpen();
        dataset.endEpisode();
        learningRates = new WarmupCosineSchedule(config.learningRate(), 0, Math.min(config.warmupUpdates(), updates / 2),
                Math.max(0, updates - Math.min(config.warmupUpdates(), updates / 2)));
        phaseUpdates = 0;
        train(updates, 1);
        learningRates = interactiveSchedule();
        phaseUpdates = 0;
    }

    private WarmupCosineSchedule interactiveSchedule() {
        return new WarmupCosineSchedule(config.learningRate(), config.minLearningRate(), config.warmupUpdates(),
                config.interactiveDecayUpdates());
    }

    /** {@code count} updates if at least {@code minimum} windows are held (offline: any). */
    private void train(int count, int minimum) {
        double tailLoss = 0;
        int tail = 0;
        if (dataset.windows() >= minimum) {
            for (int i = 0; i < count && !context.cancelled(); i++) {
                double before = lossSum;
                update(false);
                if (i >= count - Math.max(1, count / 10)) {
                    tailLoss += lossSum - before;
                    tail++;
                }
            }
        }
        if (episodeUpdates > 0) {
            context.metrics().record("loss", lossSum / episodeUpdates, "noise² (ε-prediction MSE)");
        }
        if (tail > 0) {
            context.metrics().record("lossLastTenth", tailLoss / tail, "noise² (ε-prediction MSE)");
        }
        context.metrics().record("updates", episodeUpdates, "updates");
        context.metrics().record("windows", dataset.windows(), "windows");
        context.metrics().record("learningRate", adam.learningRate(), "per update");
        lossSum = 0;
        episodeUpdates = 0;
    }

    private boolean ready() {
        return dataset.windows() >= config.minBufferSize();
    }

    /**
     * One AdamW step on the masked ε-prediction loss over a batch of windows, then the EMA update.
     * The loss is scaled by a tensor the learner owns, never by a Java number: DJL turns a number
     * argument into a scalar tensor over a Java buffer that it frees right after the operation,
     * while the autograd graph still needs it in the backward pass (a use after free that made
     * gradients depend on the garbage collector).
     */
    private void update(boolean withNewest) {
        int n = Math.min(config.batchSize(), dataset.windows());
        float maskSum = batch.draw(dataset, n, withNewest, schedule, embedding, trainRandom);
        lossScale.set(new float[] {1f / maskSum});
        adam.setLearningRate((float) learningRates.rate(phaseUpdates++));
        try (NDManager scope = manager.newSubManager()) {
            DiffusionBatch.Arrays in = batch.upload(n, scope);
            try (GradientTape tape = GradientTape.record()) {
                NDArray predicted = denoiser.forward(in.noisy(), in.steps(), in.observations(), weights);
                NDArray loss = predicted.sub(in.noise()).square().mul(in.mask()).sum().mul(lossScale);
                tape.backward(loss);
                lossSum += loss.getFloat();
            }
            adam.step();
        }
        average.update();
        updates++;
        episodeUpdates++;
    }

    @Override
    public void save(Path directory) throws IOException {
        guard.requireOpen();
        TensorFiles.write(directory.resolve("denoiser.bin"), weights);
        adam.save(directory.resolve("adam.bin"));
        average.save(directory.resolve("ema.properties"));
        dataset.save(directory.resolve("windows.bin"));
        LearnerCounters.of("steps", steps).and("plans", plans).and("updates", updates).and("phaseUpdates", phaseUpdates)
                .save(directory.resolve("diffusion.properties"), "diffusion learner counters");
    }

    @Override
    public void load(Path directory) throws IOException {
        guard.requireOpen();
        TensorFiles.readInto(directory.resolve("denoiser.bin"), weights);
        adam.load(directory.resolve("adam.bin"));
        average.load(directory.resolve("ema.properties"));
        dataset.load(directory.resolve("windows.bin"));
        LearnerCounters state = LearnerCounters.load(directory.resolve("diffusion.properties"));
        steps = state.get("steps");
        plans = state.get("plans");
        updates = state.get("updates");
        phaseUpdates = state.get("phaseUpdates");
    }

    /** {@link #save}'s state plus where the window sampler stands: the whole training state between episodes. */
    @Override
    public void checkpoint(Path directory) throws IOException {
        save(directory);
        dataset.saveState(directory.resolve("windows.state"));
    }

    @Override
    public void restore(Path directory) throws IOException {
        load(directory);
        dataset.restoreState(directory.resolve("windows.state"));
    }

    @Override
    public void close() {
        guard.close();
    }
}
