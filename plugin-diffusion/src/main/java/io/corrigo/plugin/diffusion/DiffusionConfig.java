package io.corrigo.plugin.diffusion;

import io.corrigo.api.Checks;
import io.corrigo.api.feedback.FeedbackKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Configuration of the {@code diffusion} learner. Defaults are Diffusion Policy's low-dimensional
 * U-Net configuration ({@code train_diffusion_unet_lowdim_workspace.yaml}) except the network (the
 * CPU MLP of baselines.md §3.7 unless {@code denoiser: unet}) and the interactive schedule, which
 * is CLIC's for its baselines (an update per label with the newest in the batch, one every
 * {@code updateEvery} steps, {@code endOfEpisodeUpdates} at the end of each episode).
 * {@code observationHorizon = predictionHorizon = executionHorizon = 1} is the single-step variant
 * the CLIC paper compared against.
 *
 * @param denoiser                 {@code mlp} (default) or {@code unet}
 * @param observationHorizon       To, observations conditioning the denoiser; default 2
 * @param predictionHorizon        Tp, actions predicted per chunk; default 16
 * @param executionHorizon         Ta, actions executed open-loop before re-planning; To − 1 + Ta ≤ Tp; default 8
 * @param diffusionSteps           T, training timesteps of the squared-cosine schedule; default 100
 * @param sampler                  {@code ddim} (default) or {@code ddpm} (all T steps) for acting
 * @param samplingSteps            DDIM steps when acting, 1..T; default 10
 * @param eta                      DDIM noise scale in [0, 1]; 0 (deterministic given the start noise) by default
 * @param stepEmbedding            width of the sinusoidal step embedding (even); default 64
 * @param mlpWidth                 width of the MLP denoiser; default 256
 * @param mlpBlocks                FiLM residual blocks of the MLP denoiser; default 3
 * @param unetDownDims             channel widths of the U-Net's levels, multiples of 8; default [64, 128, 256]
 *                                 (Diffusion Policy: [256, 512, 1024], ≈ 66 M parameters)
 * @param unetKernel               U-Net convolution kernel size (odd); default 5
 * @param learningRate             AdamW peak learning rate; default 1e-4
 * @param minLearningRate          the rate the interactive phase's cosine decays to; default 1e-5 (CLIC)
 * @param warmupUpdates            linear warm-up updates of each phase; default 500
 * @param interactiveDecayUpdates  cosine decay length of the interactive phase; default 243000 (CLIC:
 *                                 162 episodes × 1500 updates); the offline phase decays to 0 over its updates
 * @param adamBeta1                default 0.95
 * @param adamBeta2                default 0.999
 * @param adamEpsilon              default 1e-8
 * @param weightDecay              AdamW decoupled weight decay; default 1e-6
 * @param ema                      act with the exponential moving average of the weights; default true
 * @param emaPower                 EMA warm-up power; default 0.75
 * @param emaMaxDecay              EMA's largest decay; default 0.9999
 * @param batchSize                windows per update; default 256
 * @param minBufferSize            windows needed before any update; default 64 (CLIC)
 * @param updateEvery              one extra update every this many steps of the trial, 0 for none; default 5
 * @param endOfEpisodeUpdates      updates at the end of each training episode; default 1000 (CLIC)
 * @param bufferCapacity           steps kept, oldest episodes dropped first; default 60000
 * @param feedbackKinds            feedback kinds turned into labels; default every kind but NONE
 */
public record DiffusionConfig(DenoiserKind denoiser, int observationHorizon, int predictionHorizon, int executionHorizon,
                              int diffusionSteps, Sampler sampler, int samplingSteps, double eta,
                              int stepEmbedding, int mlpWidth, int mlpBlocks, List<Integer> unetDownDims, int unetKernel,
                              double learningRate, double minLearningRate, int warmupUpdates, int interactiveDecayUpdates,
                              double adamBeta1, double adamBeta2, double adamEpsilon, double weightDecay,
                              boolean ema, double emaPower, double emaMaxDecay,
                              int batchSize, int minBufferSize, int updateEvery, int endOfEpisodeUpdates,
                              int bufferCapacity, Set<FeedbackKind> feedbackKinds) {

    /** The denoising network. */
    public enum DenoiserKind { MLP, UNET }

    /** How a chunk is sampled when acting. */
    public enum Sampler {
        /** Ancestral sampling over every training timestep (Diffusion Policy's simulation results). */
        DDPM,
        /** DDIM over {@code samplingSteps} timesteps (Diffusion Policy's real-robot setting). */
        DDIM
    }

    private static final List<Integer> DEFAULT_DOWN_DIMS = List.of(64, 128, 256);
    private static final Set<FeedbackKind> ALL_KINDS = Set.copyOf(EnumSet.complementOf(EnumSet.of(FeedbackKind.NONE)));

    /** Every field at its documented default. */
    public static final DiffusionConfig DEFAULTS = new DiffusionConfig(DenoiserKind.MLP, 2, 16, 8, 100,
            Sampler.DDIM, 10, 0, 64, 256, 3, DEFAULT_DOWN_DIMS, 5,
            1e-4, 1e-5, 500, 243_000, 0.95, 0.999, 1e-8, 1e-6, true, 0.75, 0.9999,
            256, 64, 5, 1000, 60_000, ALL_KINDS);

    public DiffusionConfig {
        denoiser = denoiser == null ? DenoiserKind.MLP : denoiser;
        sampler = sampler == null ? Sampler.DDIM : sampler;
        unetDownDims = unetDownDims == null ? DEFAULT_DOWN_DIMS : Collections.unmodifiableList(new ArrayList<>(unetDownDims));
        feedbackKinds = feedbackKinds == null ? ALL_KINDS : Set.copyOf(feedbackKinds);
        Checks checks = new Checks()
                .atLeast("observationHorizon", observationHorizon, 1)
                .atLeast("predictionHorizon", predictionHorizon, 1)
                .atLeast("executionHorizon", executionHorizon, 1)
                .require("executionHorizon", observationHorizon - 1 + executionHorizon <= predictionHorizon,
                        "observationHorizon - 1 + executionHorizon must be <= predictionHorizon (the executed actions are"
                                + " predicted indices To-1 .. To-2+Ta), but " + observationHorizon + " - 1 + "
                                + executionHorizon + " > " + predictionHorizon)
                .inRange("diffusionSteps", diffusionSteps, 2, 10_000)
                .inRange("samplingSteps", samplingSteps, 1, Math.max(1, diffusionSteps))
                .inRange("eta", eta, 0, 1)
                .atLeast("stepEmbedding", stepEmbedding, 4)
                .require("stepEmbedding", stepEmbedding % 2 == 0, "must be even but was " + stepEmbedding)
                .atLeast("mlpWidth", mlpWidth, 1)
                .atLeast("mlpBlocks", mlpBlocks, 0)
                .require("unetDownDims", !unetDownDims.isEmpty(), "must list at least one level")
                .atLeast("unetKernel", unetKernel, 1)
                .require("unetKernel", unetKernel % 2 == 1, "must be odd (padding keeps the length) but was " + unetKernel)
                .positive("learningRate", learningRate)
                .inRange("minLearningRate", minLearningRate, 0, learningRate)
                .nonNegative("warmupUpdates", warmupUpdates)
                .nonNegative("interactiveDecayUpdates", interactiveDecayUpdates)
                .require("adamBeta1", adamBeta1 >= 0 && adamBeta1 < 1, "must be in [0, 1) but was " + adamBeta1)
                .require("adamBeta2", adamBeta2 >= 0 && adamBeta2 < 1, "must be in [0, 1) but was " + adamBeta2)
                .positive("adamEpsilon", adamEpsilon)
                .nonNegative("weightDecay", weightDecay)
                .positive("emaPower", emaPower)
                .require("emaMaxDecay", emaMaxDecay >= 0 && emaMaxDecay < 1, "must be in [0, 1) but was " + emaMaxDecay)
                .atLeast("batchSize", batchSize, 1)
                .atLeast("minBufferSize", minBufferSize, 1)
                .nonNegative("updateEvery", updateEvery)
                .nonNegative("endOfEpisodeUpdates", endOfEpisodeUpdates)
                .atLeast("bufferCapacity", bufferCapacity, 1)
                .require("feedbackKinds", !feedbackKinds.isEmpty(), "must name at least one feedback kind")
                .require("feedbackKinds", !feedbackKinds.contains(FeedbackKind.NONE),
                        "must not contain NONE (it never carries a label)");
        for (int i = 0; i < unetDownDims.size(); i++) {
            Integer d = unetDownDims.get(i);
            checks.require("unetDownDims[" + i + "]", d != null && d >= 8 && d % 8 == 0,
                    "must be a multiple of 8 (GroupNorm with 8 groups) but was " + d);
        }
        if (denoiser == DenoiserKind.UNET) {
            int factor = 1 << (unetDownDims.size() - 1);
            checks.require("predictionHorizon", predictionHorizon % factor == 0, "must be divisible by " + factor
                    + " for a U-Net with " + unetDownDims.size() + " levels (it halves the chunk at each level but the"
                    + " last) but was " + predictionHorizon + "; use the mlp denoiser for short chunks");
        }
        checks.verify();
    }

    Horizons horizons() {
        return new Horizons(observationHorizon, predictionHorizon, executionHorizon);
    }
}
