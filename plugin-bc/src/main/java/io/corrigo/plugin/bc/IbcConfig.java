package io.corrigo.plugin.bc;

import io.corrigo.api.Checks;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.djl.ebm.ComputePreset;
import io.corrigo.djl.ebm.EnergySampler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Configuration of the {@code ibc} learner. Defaults are CLIC's IBC baseline
 * ({@code train_IBC.yaml}, clic.md §4.7 and §5.2).
 *
 * <p>{@code preset: cpu-small} is clic.md §11's compute downsizing, the same as the CLIC learners':
 * every field below marked <em>(preset)</em> that is left at its default takes the value in
 * brackets; a field given any other value keeps it.
 *
 * @param preset                default or cpu-small (see above); default {@code default}
 * @param learningRate          AdamW step size; default 3e-4
 * @param batchSize             labels per update; default 32
 * @param hiddenSizes           widths of the energy network's {@code ReLU → LayerNorm} layers; default
 *                              [512, 512, 512, 256] (preset: [128, 128, 128])
 * @param trainingSamples       candidates per label in the InfoNCE loss, {@code N}, slot 0 holding the
 *                              label; default 512 (preset: 64)
 * @param trainingLangevinSteps Langevin steps moving the uniform counter-examples; 0 keeps them uniform;
 *                              default 25 (preset: 0, IBC's uniform counter-examples)
 * @param softmaxTemperature    {@code τ} of the model's softmax over candidates; &gt; 0; default 1.0
 * @param gradientPenalty       weight of the action-gradient penalty {@code max(0, ‖∇ₐQ‖∞ − margin)²};
 *                              0 turns it off; default 1.0
 * @param penaltyMargin         margin of the penalty; default 1.0
 * @param inference             how actions are chosen: {@code langevin} (uniform samples, Langevin passes)
 *                              or {@code dfo} (IBC's derivative-free optimiser); default langevin (preset: dfo)
 * @param actSamples            uniform samples per decision; default 512 (preset: 256)
 * @param actLangevinSteps      steps per Langevin pass when acting; default 25
 * @param actLangevinPasses     Langevin passes when acting; default 2
 * @param dfoIterations         DFO rounds (σ 0.33 halved each round); default 3
 * @param actTemperature        the action is drawn from {@code softmax(Q/actTemperature)} over the final
 *                              samples (also DFO's resampling temperature); 0 takes the best; default 0.1
 * @param updateEvery           one extra update every this many steps of the trial, on steps without a
 *                              label; 0 turns these off; default 5
 * @param endOfEpisodeUpdates   updates when a training episode ends; default 500 (preset: 100)
 * @param bufferCapacity        labels kept, the oldest dropped first; default 60000
 * @param minBufferSize         labels needed before any update; batches hold min(batchSize, labels held);
 *                              default 32
 * @param gradientClip          global gradient-norm limit; 0 turns clipping off; default 1.0
 * @param weightDecay           AdamW's decoupled weight decay; default 1e-6
 * @param adamEpsilon           AdamW's denominator guard; default 1e-7
 * @param feedbackKinds         the feedback kinds turned into labels, as for {@code bc} (relative:
 *                              {@code a + e·h}; partial: the robot's own values in uncorrected dimensions);
 *                              default ABSOLUTE, RELATIVE, PARTIAL, TAKEOVER, LABEL
 */
public record IbcConfig(ComputePreset preset, double learningRate, int batchSize, List<Integer> hiddenSizes,
                        int trainingSamples, int trainingLangevinSteps, double softmaxTemperature,
                        double gradientPenalty, double penaltyMargin, EnergySampler.Method inference, int actSamples,
                        int actLangevinSteps, int actLangevinPasses, int dfoIterations, double actTemperature,
                        int updateEvery, int endOfEpisodeUpdates, int bufferCapacity, int minBufferSize,
                        double gradientClip, double weightDecay, double adamEpsilon, Set<FeedbackKind> feedbackKinds) {

    private static final List<Integer> DEFAULT_HIDDEN = List.of(512, 512, 512, 256);
    private static final List<Integer> SMALL_HIDDEN = List.of(128, 128, 128);
    private static final Set<FeedbackKind> ALL_KINDS = Set.copyOf(EnumSet.complementOf(EnumSet.of(FeedbackKind.NONE)));

    /** CLIC's IBC baseline. */
    public static final IbcConfig DEFAULTS = new IbcConfig(ComputePreset.DEFAULT, 3e-4, 32, DEFAULT_HIDDEN, 512, 25, 1.0,
            1.0, 1.0, EnergySampler.Method.LANGEVIN, 512, 25, 2, 3, 0.1, 5, 500, 60_000, 32, 1.0, 1e-6, 1e-7, ALL_KINDS);

    public IbcConfig {
        preset = preset == null ? ComputePreset.DEFAULT : preset;
        hiddenSizes = hiddenSizes == null ? DEFAULT_HIDDEN : Collections.unmodifiableList(new ArrayList<>(hiddenSizes));
        inference = inference == null ? EnergySampler.Method.LANGEVIN : inference;
        feedbackKinds = feedbackKinds == null ? ALL_KINDS : Set.copyOf(feedbackKinds);
        if (preset == ComputePreset.CPU_SMALL) {
            hiddenSizes = hiddenSizes.equals(DEFAULT_HIDDEN) ? SMALL_HIDDEN : hiddenSizes;
            trainingSamples = trainingSamples == 512 ? 64 : trainingSamples;
            trainingLangevinSteps = trainingLangevinSteps == 25 ? 0 : trainingLangevinSteps;
            inference = inference == EnergySampler.Method.LANGEVIN ? EnergySampler.Method.DFO : inference;
            actSamples = actSamples == 512 ? 256 : actSamples;
            endOfEpisodeUpdates = endOfEpisodeUpdates == 500 ? 100 : endOfEpisodeUpdates;
        }
        Checks checks = new Checks()
                .positive("learningRate", learningRate)
                .atLeast("batchSize", batchSize, 1)
                .atLeast("trainingSamples", trainingSamples, 2)
                .nonNegative("trainingLangevinSteps", trainingLangevinSteps)
                .positive("softmaxTemperature", softmaxTemperature)
                .nonNegative("gradientPenalty", gradientPenalty)
                .nonNegative("penaltyMargin", penaltyMargin)
                .atLeast("actSamples", actSamples, 1)
                .nonNegative("actLangevinSteps", actLangevinSteps)
                .nonNegative("actLangevinPasses", actLangevinPasses)
                .nonNegative("dfoIterations", dfoIterations)
                .nonNegative("actTemperature", actTemperature)
                .nonNegative("updateEvery", updateEvery)
                .nonNegative("endOfEpisodeUpdates", endOfEpisodeUpdates)
                .atLeast("bufferCapacity", bufferCapacity, 1)
                .inRange("minBufferSize", minBufferSize, 1, Math.max(1, bufferCapacity))
                .nonNegative("gradientClip", gradientClip)
                .nonNegative("weightDecay", weightDecay)
                .positive("adamEpsilon", adamEpsilon)
                .require("feedbackKinds", !feedbackKinds.isEmpty(), "must name at least one feedback kind")
                .require("feedbackKinds", !feedbackKinds.contains(FeedbackKind.NONE),
                        "must not contain NONE (it never carries a label)");
        for (int i = 0; i < hiddenSizes.size(); i++) {
            Integer width = hiddenSizes.get(i);
            checks.require("hiddenSizes[" + i + "]", width != null && width >= 1, "must be >= 1 but was " + width);
        }
        finite(checks, "learningRate", learningRate);
        finite(checks, "softmaxTemperature", softmaxTemperature);
        finite(checks, "gradientPenalty", gradientPenalty);
        finite(checks, "actTemperature", actTemperature);
        finite(checks, "gradientClip", gradientClip);
        checks.verify();
    }

    private static void finite(Checks checks, String field, double value) {
        checks.require(field, Double.isFinite(value), "must be finite but was " + value);
    }
}
