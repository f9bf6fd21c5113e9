package io.corrigo.plugin.clic;

import io.corrigo.api.Checks;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.djl.AdamOptimizer;
import io.corrigo.djl.ebm.ComputePreset;
import io.corrigo.djl.ebm.EnergySampler;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Configuration of {@code clic-circular}. Defaults are the CLIC repository's CLIC-Circular settings
 * ({@code train_CLIC_Circular.yaml}, torch version; clic.md §4.5, §4.7). The ball needs the
 * correction's magnitude, so only absolute corrections (and takeovers and labels, read as absolute)
 * are accepted: relative and partial feedback need {@code clic-half} or {@code clic-explicit}.
 *
 * <p>{@code preset: cpu-small}: each field marked <em>(preset)</em> that is left at its default takes the
 * value in brackets (clic.md §11); a field given any other value keeps it.
 *
 * @param preset                {@code default} or {@code cpu-small}; default {@code default}
 * @param learningRate          Adam step size, constant (the repository's cosine warm-up cycle spans
 *                              162 episodes of updates and stays within 2 % of it over these budgets);
 *                              default 3e-4
 * @param batchSize             corrections per update; default 32
 * @param hiddenSizes           widths of the energy network's {@code ReLU → LayerNorm} layers; default
 *                              [512, 512, 512, 256] (preset: [128, 128, 128])
 * @param trainingSamples       candidates per correction {@code N}, slot 0 holding {@code a^+}; default 512
 *                              (preset: 64)
 * @param trainingLangevinSteps Langevin steps moving the uniform counter-examples; default 25 (preset: 0)
 * @param softmaxTemperature    {@code τ} of the policy in the loss; default 2.0
 * @param likelihoodScale       the set log-likelihood enters the target as {@code ℓ/likelihoodScale}; default 0.1
 * @param radiusRatio           the ball's radius as a fraction {@code r} of {@code ‖h‖}; &gt; 0; default 0.5
 * @param kappa                 softness {@code κ} of the soft indicator; &gt; 0; default 0.05
 * @param gradientPenalty       weight of the penalty {@code max(0, ‖∇ₐQ‖∞ − margin)²}; 0 turns it off; default 1.0
 * @param penaltyMargin         margin of the penalty; default 1.0
 * @param inference             {@code langevin} or {@code dfo}; default langevin (preset: dfo)
 * @param actSamples            uniform samples per decision; default 512 (preset: 256)
 * @param actLangevinSteps      steps per Langevin pass when acting; default 25
 * @param actLangevinPasses     Langevin passes when acting; default 2
 * @param dfoIterations         DFO rounds (σ 0.33 halved each round); default 3
 * @param actTemperature        the action is drawn from {@code softmax(Q/actTemperature)}; default 0.1
 * @param updateEvery           one update every this many steps of the trial on steps without a
 *                              correction; 0 turns these off; default 5
 * @param endOfEpisodeUpdates   updates at the end of each training episode; default 200 (preset: 100)
 * @param bufferCapacity        corrections kept (FIFO); default 60000
 * @param minBufferSize         corrections needed before any update; default 32
 * @param gradientClip          global gradient-norm limit (torch's {@code clip_grad_norm_}); 0 turns it
 *                              off; default 1.0
 * @param feedbackKinds         accepted kinds, a subset of absolute, takeover and label; default all three
 * @param clipping              how {@code gradientClip} applies: {@code per-tensor-norm} or {@code global-norm};
 *                              default global-norm (the torch version's {@code clip_grad_norm_}, default)
 * @param schedule              the learning rate per update, {@link LearningRateSchedule}; default constant
 *                              (the repository's torch version: {@code {warmupUpdates: 10, cycleUpdates: 162000}})
 */
public record ClicCircularConfig(ComputePreset preset, double learningRate, int batchSize, List<Integer> hiddenSizes,
                                 int trainingSamples, int trainingLangevinSteps, double softmaxTemperature,
                                 double likelihoodScale, double radiusRatio, double kappa, double gradientPenalty,
                                 double penaltyMargin, EnergySampler.Method inference, int actSamples,
                                 int actLangevinSteps, int actLangevinPasses, int dfoIterations, double actTemperature,
                                 int updateEvery, int endOfEpisodeUpdates, int bufferCapacity, int minBufferSize,
                                 double gradientClip, Set<FeedbackKind> feedbackKinds,
                                 AdamOptimizer.Clipping clipping, LearningRateSchedule schedule) {

    static final Set<FeedbackKind> SUPPORTED = Set.copyOf(EnumSet.of(FeedbackKind.ABSOLUTE, FeedbackKind.TAKEOVER,
            FeedbackKind.LABEL));

    /** The repository's CLIC-Circular. */
    public static final ClicCircularConfig DEFAULTS = new ClicCircularConfig(ComputePreset.DEFAULT, 3e-4, 32,
            Presets.EBM_HIDDEN, 512, 25, 2.0, 0.1, 0.5, 0.05, 1.0, 1.0, EnergySampler.Method.LANGEVIN, 512, 25, 2, 3,
            0.1, 5, 200, 60_000, 32, 1.0, SUPPORTED,
            AdamOptimizer.Clipping.GLOBAL_NORM, LearningRateSchedule.CONSTANT);

    public ClicCircularConfig {
        preset = preset == null ? ComputePreset.DEFAULT : preset;
        hiddenSizes = Presets.copy(hiddenSizes, Presets.EBM_HIDDEN);
        inference = inference == null ? EnergySampler.Method.LANGEVIN : inference;
        feedbackKinds = feedbackKinds == null ? SUPPORTED : Set.copyOf(feedbackKinds);
        clipping = clipping == null ? AdamOptimizer.Clipping.GLOBAL_NORM : clipping;
        schedule = schedule == null ? LearningRateSchedule.CONSTANT : schedule;
        if (preset == ComputePreset.CPU_SMALL) {
            hiddenSizes = Presets.small(hiddenSizes, Presets.EBM_HIDDEN, Presets.SMALL_HIDDEN);
            trainingSamples = Presets.small(trainingSamples, 512, 64);
            trainingLangevinSteps = Presets.small(trainingLangevinSteps, 25, 0);
            inference = inference == EnergySampler.Method.LANGEVIN ? EnergySampler.Method.DFO : inference;
            actSamples = Presets.small(actSamples, 512, 256);
            endOfEpisodeUpdates = Presets.small(endOfEpisodeUpdates, 200, 100);
        }
        Checks checks = Presets.energyChecks(learningRate, batchSize, hiddenSizes, trainingSamples, trainingLangevinSteps,
                softmaxTemperature, likelihoodScale, gradientPenalty, penaltyMargin, actSamples, actLangevinSteps,
                actLangevinPasses, dfoIterations, actTemperature, updateEvery, endOfEpisodeUpdates, bufferCapacity,
                minBufferSize, gradientClip);
        checks.positive("radiusRatio", radiusRatio).positive("kappa", kappa);
        Presets.checkKinds(checks, feedbackKinds, SUPPORTED, "clic-circular").verify();
    }

    EnergySettings energy() {
        return new EnergySettings("clic-circular", this, DEFAULTS, preset, learningRate, batchSize, hiddenSizes,
                trainingSamples, trainingLangevinSteps, softmaxTemperature, likelihoodScale, gradientPenalty,
                penaltyMargin, inference, actSamples, actLangevinSteps, actLangevinPasses, dfoIterations, actTemperature,
                updateEvery, endOfEpisodeUpdates, bufferCapacity, minBufferSize, gradientClip,
                clipping, schedule, feedbackKinds);
    }
}
