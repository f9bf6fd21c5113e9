package io.corrigo.plugin.clic;

import io.corrigo.api.Checks;
import io.corrigo.api.feedback.FeedbackKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Shared defaults, {@code cpu-small} substitutions and checks of the CLIC configurations. */
final class Presets {

    /** The repository's network widths (energy network and explicit policy alike). */
    static final List<Integer> EBM_HIDDEN = List.of(512, 512, 512, 256);
    /** clic.md §11's widths. */
    static final List<Integer> SMALL_HIDDEN = List.of(128, 128, 128);

    private Presets() {
    }

    static List<Integer> copy(List<Integer> given, List<Integer> fallback) {
        return given == null ? fallback : Collections.unmodifiableList(new ArrayList<>(given));
    }

    /** {@code small} if {@code value} is still {@code original}, else {@code value}. */
    static int small(int value, int original, int small) {
        return value == original ? small : value;
    }

    static List<Integer> small(List<Integer> value, List<Integer> original, List<Integer> small) {
        return value.equals(original) ? small : value;
    }

    /** The checks every energy-based CLIC configuration shares. */
    static Checks energyChecks(double learningRate, int batchSize, List<Integer> hiddenSizes, int trainingSamples,
                               int trainingLangevinSteps, double softmaxTemperature, double likelihoodScale,
                               double gradientPenalty, double penaltyMargin, int actSamples, int actLangevinSteps,
                               int actLangevinPasses, int dfoIterations, double actTemperature, int updateEvery,
                               int endOfEpisodeUpdates, int bufferCapacity, int minBufferSize, double gradientClip) {
        Checks checks = new Checks()
                .positive("learningRate", learningRate)
                .atLeast("batchSize", batchSize, 1)
                .atLeast("trainingSamples", trainingSamples, 2)
                .nonNegative("trainingLangevinSteps", trainingLangevinSteps)
                .positive("softmaxTemperature", softmaxTemperature)
                .positive("likelihoodScale", likelihoodScale)
                .nonNegative("gradientPenalty", gradientPenalty)
                .nonNegative("penaltyMargin", penaltyMargin)
                .atLeast("actSamples", actSamples, 1)
                .nonNegative("actLangevinSteps", actLangevinSteps)
                .nonNegative("actLangevinPasses", actLangevinPasses)
                .nonNegative("dfoIterations", dfoIterations)
                .nonNegative("actTemperature", actTemperature);
        common(checks, hiddenSizes, updateEvery, endOfEpisodeUpdates, bufferCapacity, minBufferSize, gradientClip);
        return checks.require("learningRate", Double.isFinite(learningRate), "must be finite but was " + learningRate)
                .require("softmaxTemperature", Double.isFinite(softmaxTemperature), "must be finite")
                .require("actTemperature", Double.isFinite(actTemperature), "must be finite");
    }

    static Checks common(Checks checks, List<Integer> hiddenSizes, int updateEvery, int endOfEpisodeUpdates,
                         int bufferCapacity, int minBufferSize, double gradientClip) {
        checks.nonNegative("updateEvery", updateEvery)
                .nonNegative("endOfEpisodeUpdates", endOfEpisodeUpdates)
                .atLeast("bufferCapacity", bufferCapacity, 1)
                .inRange("minBufferSize", minBufferSize, 1, Math.max(1, bufferCapacity))
                .nonNegative("gradientClip", gradientClip)
                .require("gradientClip", Double.isFinite(gradientClip), "must be finite but was " + gradientClip);
        for (int i = 0; i < hiddenSizes.size(); i++) {
            Integer width = hiddenSizes.get(i);
            checks.require("hiddenSizes[" + i + "]", width != null && width >= 1, "must be >= 1 but was " + width);
        }
        return checks;
    }

    static Checks checkKinds(Checks checks, Set<FeedbackKind> kinds, Set<FeedbackKind> supported, String learner) {
        return checks.require("feedbackKinds", !kinds.isEmpty(), "must name at least one feedback kind")
                .require("feedbackKinds", supported.containsAll(kinds), learner + " can learn only from "
                        + supported + " but was given " + kinds);
    }
}
