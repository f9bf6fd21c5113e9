package io.corrigo.plugin.rlif;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.learner.DemonstrationLearner;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.Transition;
import io.corrigo.api.run.Checkpointable;
import io.corrigo.api.run.RunContext;
import io.corrigo.djl.Devices;
import io.corrigo.djl.LearnerCounters;
import io.corrigo.djl.MinMaxNormaliser;
import io.corrigo.djl.NoGradient;
import io.corrigo.djl.OpenGuard;
import io.corrigo.djl.RandomStreams;
import io.corrigo.djl.StagedInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * RLIF (Luo et al., ICLR 2024): the overseer's takeovers are the only reward. Every training step
 * goes through the {@link InterventionLabeller} into the replay; once {@code startTraining}
 * transitions are held, every step runs one RLPD update ({@link SoftActorCritic}). Demonstrations
 * join a second buffer with reward 0 and are sampled half-and-half with online data; as in the
 * released code there is no offline pre-training. During training episodes the learner samples from
 * its tanh-Gaussian policy; outside them (evaluation) it acts with the policy's mode.
 */
final class RlifLearner implements Learner, DemonstrationLearner, Checkpointable {

    private final RlifConfig config;
    private final RunContext context;
    private final MinMaxNormaliser observations;
    private final MinMaxNormaliser actions;
    private final NDManager manager;
    private final SoftActorCritic sac;
    private final RlifReplay replay;
    private final InterventionLabeller labeller;
    private final StagedInput single;
    private final RandomGenerator trainRandom;
    private final long actSeed;
    private final float[] observationRow;
    private final float[] nextRow;
    private final float[] actionRow;
    private final OpenGuard guard;
    private boolean training;
    private long steps;
    private long acts;
    private long updates;
    private double criticLoss;
    private double actorLoss;
    private double entropy;
    private double q;
    private int episodeUpdates;

    RlifLearner(RlifConfig config, Space observationSpace, Space actionSpace, RunContext context) {
        this.config = config;
        this.context = context;
        observations = MinMaxNormaliser.of(observationSpace);
        actions = MinMaxNormaliser.of(actionSpace);
        int dObs = observationSpace.dimension();
        int dAct = actionSpace.dimension();
        manager = Devices.newManager(context.device());
        try {
            sac = new SoftActorCritic(manager, config, dObs, dAct, context.random("learner"));
            single = new StagedInput(manager, new Shape(1, dObs));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        guard = new OpenGuard("the rlif learner", manager::close);
        replay = new RlifReplay(config.bufferCapacity(), config.bufferCapacity(), dObs, dAct, config.demonstrationShare());
        observationRow = new float[dObs];
        nextRow = new float[dObs];
        actionRow = new float[dAct];
        labeller = new InterventionLabeller(config.teacherSteps(), config.failure(), this::store);
        trainRandom = context.random("learner.train");
        actSeed = context.seed("learner.act");
        context.note("rlif.agent", String.format(Locale.ROOT, "RLPD soft actor-critic: %d critics %s with LayerNorm (one"
                        + " batched forward), target = min of %d, UTD %d, batch %d, Adam %.3g, gamma %.3g, tau %.3g, target"
                        + " entropy %.2f; actor %s tanh-Gaussian (RLPD: 10 critics of [256, 256, 256], actor [256, 256, 256])",
                config.critics(), config.criticHiddenSizes(), config.targetSubset(), config.updatesPerStep(),
                config.batchSize(), config.learningRate(), config.discount(), config.tau(), sac.targetEntropy(),
                config.actorHiddenSizes()));
        context.note("rlif.labels", "reward -1 on the learner step before each takeover, 0 otherwise; teacher steps: "
                + config.teacherSteps().name().toLowerCase(Locale.ROOT) + "; failure terminations: "
                + config.failure().name().toLowerCase(Locale.ROOT));
    }

    @Override
    public Action act(Observation observation) {
        guard.requireOpen();
        observations.normalise(observation, observationRow, 0);
        single.values().put(observationRow);
        try (NoGradient ignored = NoGradient.enter(); NDManager scope = manager.newSubManager()) {
            NDList heads = sac.actor().heads(single.upload(scope));
            // both heads in one read-back: [mean..., log std...]
            float[] both = ai.djl.ndarray.NDArrays.concat(new NDList(heads.get(0), heads.get(1)), 1).toFloatArray();
            int d = actionRow.length;
            SplittableRandom random = training ? RandomStreams.at(actSeed, acts++) : null;
            for (int i = 0; i < d; i++) {
                float mean = both[i];
                float logStd = both[d + i];
                if (!Float.isFinite(mean) || !Float.isFinite(logStd)) {
                    throw new IllegalStateException("rlif's actor is no longer finite after " + updates
                            + " updates (mean " + mean + ", log std " + logStd + ")");
                }
                double u = random == null ? mean : mean + Math.exp(logStd) * random.nextGaussian();
                actionRow[i] = (float) Math.tanh(u);
            }
        }
        return actions.toAction(actionRow, 0);
    }

    @Override
    public void startEpisode() {
        guard.requireOpen();
        training = true;
        labeller.startEpisode();
    }

    @Override
    public void observe(Transition transition) {
        guard.requireOpen();
        Feedback f = transition.feedback();
        if (!(f instanceof Feedback.None) && !(f instanceof Feedback.Takeover)) {
            throw new IllegalArgumentException("learner 'rlif' learns from takeovers only, not " + f.kind()
                    + " feedback; pair it with a gate (action-distance, value, random)");
        }
        labeller.observe(transition);
        steps++;
        if (replay.online() + replay.demonstrations() >= config.startTraining()) {
            SoftActorCritic.Losses l = sac.update(replay, trainRandom);
            criticLoss += l.critic();
            actorLoss += l.actor();
            entropy += l.entropy();
            q += l.q();
            episodeUpdates++;
            updates++;
        }
    }

    @Override
    public void endEpisode() {
        guard.requireOpen();
        training = false;
        if (episodeUpdates > 0) {
            context.metrics().record("criticLoss", criticLoss / episodeUpdates, "return²");
            context.metrics().record("actorLoss", actorLoss / episodeUpdates, "return");
            context.metrics().record("entropy", entropy / episodeUpdates, "nats");
            context.metrics().record("q", q / episodeUpdates, "return");
        }
        context.metrics().record("temperature", sac.temperature(), "return / nat");
        context.metrics().record("interventions", labeller.interventions(), "interventions");
        context.metrics().record("transitions", replay.online(), "transitions");
        criticLoss = 0;
        actorLoss = 0;
        entropy = 0;
        q = 0;
        episodeUpdates = 0;
    }

    /** Demonstrated steps join the demonstration buffer with reward 0. */
    @Override
    public void observeDemonstration(Transition t) {
        guard.requireOpen();
        observations.normalise(t.observation(), observationRow, 0);
        observations.normalise(t.next(), nextRow, 0);
        actions.normalise(actions.space().clip(t.executed()), actionRow, 0);
        replay.addDemonstration(observationRow, actionRow, nextRow, t.terminated());
    }

    /** No offline updates: the released code does not pre-train ({@code pretrain_steps = 0}). */
    @Override
    public void trainOnDemonstrations(int updates) {
        guard.requireOpen();
        context.note("rlif.demonstrations", replay.demonstrations() + " demonstrated steps in the demonstration buffer,"
                + " sampled " + config.demonstrationShare() + " of every batch; the " + updates + " offline updates are"
                + " not run (RLIF does not pre-train)");
    }

    private void store(InterventionLabeller.Labelled t) {
        observations.normalise(t.observation(), observationRow, 0);
        observations.normalise(t.next(), nextRow, 0);
        actions.normalise(actions.space().clip(t.action()), actionRow, 0);
        replay.addOnline(observationRow, actionRow, (float) t.reward(), nextRow, t.terminal());
    }

    @Override
    public void save(Path directory) throws IOException {
        saveAgent(directory);
        replay.save(directory);
    }

    @Override
    public void load(Path directory) throws IOException {
        loadAgent(directory);
        replay.load(directory);
    }

    /** The agent, both buffers slot for slot and the counters: the whole training state between episodes. */
    @Override
    public void checkpoint(Path directory) throws IOException {
        saveAgent(directory);
        replay.saveState(directory);
    }

    @Override
    public void restore(Path directory) throws IOException {
        loadAgent(directory);
        replay.restoreState(directory);
    }

    private void saveAgent(Path directory) throws IOException {
        guard.requireOpen();
        sac.save(directory);
        LearnerCounters.of("steps", steps).and("acts", acts).and("updates", updates)
                .and("interventions", labeller.interventions())
                .save(directory.resolve("rlif.properties"), "rlif learner counters");
    }

    private void loadAgent(Path directory) throws IOException {
        guard.requireOpen();
        sac.load(directory);
        LearnerCounters c = LearnerCounters.load(directory.resolve("rlif.properties"));
        steps = c.get("steps");
        acts = c.get("acts");
        updates = c.get("updates");
        labeller.restoreInterventions(c.get("interventions"));   // 0 in policies saved before it was kept
    }

    @Override
    public void close() {
        guard.close();
    }

    /** For tests: the agent. */
    SoftActorCritic agent() {
        return sac;
    }
}
