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
 * Configuration of {@code clic-half}. Defaults are the CLIC repository's CLIC-Half settings
 * ({@code train_CLIC.yaml}, TF version; clic.md §4.7).
 *
 * <p>{@code preset: cpu-small} is clic.md §11's compute downsizing, the same for every
 * energy-based learner: each field marked <em>(preset)</em> that is left at its default takes the
 * value in brackets; a field given any other value keeps it. Algorithmic constants never change.
 *
 * @param preset                {@code default} or {@code cpu-small}; default {@code default}
 * @param learningRate          Adam step size (constant, as in the TF version); default 3e-4
 * @param batchSize             corrections per update; default 32
 * @param hiddenSizes           widths of the energy network's {@code ReLU → LayerNorm} layers; default
 *                              [512, 512, 512, 256] (preset: [128, 128, 128])
 * @param trainingSamples       candidates per correction {@code N}, slots 0 and 1 holding {@code a^r}
 *                              and {@code a^+}; default 512 (preset: 64)
 * @param trainingLangevinSteps Langevin steps moving the uniform counter-examples; default 25 (preset: 0)
 * @param softmaxTemperature    {@code τ} of the policy {@code softmax(Q/τ)} in the loss; default 1.0
 * @param likelihoodScale       the set log-likelihood enters the target as {@code ℓ/likelihoodScale}; default 0.1
 * @param alphaDegrees          angle {@code α} between {@code h} and the implicit halfspaces' directions
 *                              (the cone's half-angle is {@code α/2}); in (0, 180); default 30
 * @param gamma                 relaxation {@code γ} of the main halfspace: its anchor is {@code a^r + γ·e·h};
 *                              in [0, 1); default 0.1
 * @param kappa                 softness {@code κ} of the soft indicators; &gt; 0; default 0.1
 * @param implicitHalfspaces    number {@code M} of implicit halfspaces; default 128 (preset: 32)
 * @param mainHalfspaceWeight   weight of the main halfspace relative to {@code M}: {@code w = this·M};
 *                              default 0.3
 * @param gradientPenalty       weight of the penalty {@code max(0, ‖∇ₐQ‖∞ − margin)²}; 0 turns it off; default 1.0
 * @param penaltyMargin         margin of the penalty; default 1.0
 * @param inference             {@code langevin} (uniform samples, Langevin passes) or {@code dfo}; default
 *                              langevin (preset: dfo)
 * @param actSamples            uniform samples per decision; default 512 (preset: 256)
 * @param actLangevinSteps      steps per Langevin pass when acting; default 25
 * @param actLangevinPasses     Langevin passes when acting; default 2
 * @param dfoIterations         DFO rounds (σ 0.33 halved each round); default 3
 * @param actTemperature        the action is drawn from {@code softmax(Q/actTemperature)} (also DFO's
 *                              resampling temperature); 0 takes the best; default 0.1
 * @param updateEvery           one update every this many steps of the trial on steps without a
 *                              correction; 0 turns these off; default 5
 * @param endOfEpisodeUpdates   updates at the end of each training episode; default 500 (preset: 100)
 * @param bufferCapacity        corrections kept (FIFO); default 60000
 * @param minBufferSize         corrections needed before any update; default 32
 * @param gradientClip          per-tensor gradient-norm limit (the TF version's {@code clip_by_norm});
 *                              0 turns it off; default 1.0
 * @param feedbackKinds         accepted kinds: absolute ({@code E = I}), relative ({@code E = e·I}, unit
 *                              {@code h}), partial (zeros in uncorrected dimensions), takeover and label
 *                              (as absolute); default all five
 * @param clipping              how {@code gradientClip} applies: {@code per-tensor-norm} or {@code global-norm};
 *                              default per-tensor-norm (the TF version's {@code clip_by_norm}, default)
 * @param schedule              the learning rate per update, {@link LearningRateSchedule}; default constant
 *                              (the repository's torch version: {@code {warmupUpdates: 10, cycleUpdates: 162000}})
 */
public record ClicHalfConfig(ComputePreset preset, double learningRate, int batchSize, List<Integer> hiddenSizes,
                             int trainingSamples, int trainingLangevinSteps, double softmaxTemperature,
                             double likelihoodScale, double alphaDegrees, double gamma, double kappa,
                             int implicitHalfspaces, double mainHalfspaceWeight, double gradientPenalty,
                             double penaltyMargin, EnergySampler.Method inference, int actSamples, int actLangevinSteps,
                             int actLangevinPasses, int dfoIterations, double actTemperature, int updateEvery,
                             int endOfEpisodeUpdates, int bufferCapacity, int minBufferSize, double gradientClip,
                             Set<FeedbackKind> feedbackKinds,
                             AdamOptimizer.Clipping clipping, LearningRateSchedule schedule) {

    static final Set<FeedbackKind> SUPPORTED = Set.copyOf(EnumSet.of(FeedbackKind.ABSOLUTE, FeedbackKind.RELATIVE,
            FeedbackKind.PARTIAL, FeedbackKind.TAKEOVER, FeedbackKind.LABEL));

    /** The repository's CLIC-Half. */
    public static final ClicHalfConfig DEFAULTS = new ClicHalfConfig(ComputePreset.DEFAULT, 3e-4, 32,
            Presets.EBM_HIDDEN, 512, 25, 1.0, 0.1, 30, 0.1, 0.1, 128, 0.3, 1.0, 1.0, EnergySampler.Method.LANGEVIN,
            512, 25, 2, 3, 0.1, 5, 500, 60_000, 32, 1.0, SUPPORTED,
            AdamOptimizer.Clipping.PER_TENSOR_NORM, LearningRateSchedule.CONSTANT);

    public ClicHalfConfig {
        preset = preset == null ? ComputePreset.DEFAULT : preset;
        hiddenSizes = Presets.copy(hiddenSizes, Presets.EBM_HIDDEN);
        inference = inference == null ? EnergySampler.Method.LANGEVIN : inference;
        feedbackKinds = feedbackKinds == null ? SUPPORTED : Set.copyOf(feedbackKinds);
        clipping = clipping == null ? AdamOptimizer.Clipping.PER_TENSOR_NORM : clipping;
        schedule = schedule == null ? LearningRateSchedule.CONSTANT : schedule;
        if (preset == ComputePreset.CPU_SMALL) {
            hiddenSizes = Presets.small(hiddenSizes, Presets.EBM_HIDDEN, Presets.SMALL_HIDDEN);
            trainingSamples = Presets.small(trainingSamples, 512, 64);
            trainingLangevinSteps = Presets.small(trainingLangevinSteps, 25, 0);
            implicitHalfspaces = Presets.small(implicitHalfspaces, 128, 32);
            inference = inference == EnergySampler.Method.LANGEVIN ? EnergySampler.Method.DFO : inference;
            actSamples = Presets.small(actSamples, 512, 256);
            endOfEpisodeUpdates = Presets.small(endOfEpisodeUpdates, 500, 100);
        }
        Checks checks = Presets.energyChecks(learningRate, batchSize, hiddenSizes, trainingSamples, trainingLangevinSteps,
                softmaxTemperature, likelihoodScale, gradientPenalty, penaltyMargin, actSamples, actLangevinSteps,
                actLangevinPasses, dfoIterations, actTemperature, updateEvery, endOfEpisodeUpdates, bufferCapacity,
                minBufferSize, gradientClip);
        checks.require("alphaDegrees", alphaDegrees > 0 && alphaDegrees < 180, "must be in (0, 180) but was " + alphaDegrees)
                .require("gamma", gamma >= 0 && gamma < 1, "must be in [0, 1) but was " + gamma)
                .positive("kappa", kappa)
                .atLeast("implicitHalfspaces", implicitHalfspaces, 1)
                .nonNegative("mainHalfspaceWeight", mainHalfspaceWeight);
        Presets.checkKinds(checks, feedbackKinds, SUPPORTED, "clic-half").verify();
    }

    EnergySettings energy() {
        return new EnergySettings("clic-half", this, DEFAULTS, preset, learningRate, batchSize, hiddenSizes,
                trainingSamples, trainingLangevinSteps, softmaxTemperature, likelihoodScale, gradientPenalty,
                penaltyMargin, inference, actSamples, actLangevinSteps, actLangevinPasses, dfoIterations, actTemperature,
                updateEvery, endOfEpisodeUpdates, bufferCapacity, minBufferSize, gradientClip,
                clipping, schedule, feedbackKinds);
    }
}
