package io.corrigo.plugin.bc;

import io.corrigo.api.Checks;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.djl.Mlp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Configuration of the {@code bc} learner. Defaults follow CLIC's HG-DAgger baseline
 * ({@code train_HG_DAgger.yaml}) except the network, which is the framework's 2×256 ReLU MLP.
 *
 * @param learningRate        Adam step size; default 3e-4
 * @param batchSize           labels per update; default 32
 * @param hiddenSizes         widths of the policy's hidden layers; default [256, 256]
 * @param activation          hidden activation, RELU or TANH; default RELU (the output is always tanh)
 * @param updateEvery         one extra update every this many environment steps, counted over the
 *                            whole trial; 0 turns these off; default 5
 * @param endOfEpisodeUpdates updates at the end of each training episode; default 1000
 * @param bufferCapacity      labels kept, the oldest dropped first; default 60000
 * @param minBufferSize       labels needed before any update; batches hold
 *                            min(batchSize, labels held), so 1 trains from the first label;
 *                            default 32
 * @param gradientClip        limit on each parameter tensor's gradient L2 norm (CLIC's
 *                            {@code clip_by_norm} per tensor); 0 turns clipping off; default 1.0
 * @param feedbackKinds       the feedback kinds turned into labels (NONE is always ignored);
 *                            default ABSOLUTE, RELATIVE, PARTIAL, TAKEOVER, LABEL
 * @param aggregateUnlabelled also keep the steps nobody labelled, with the action executed there as
 *                            their label — what the RLIF repository's HG-DAgger and DAgger baselines
 *                            do; default false (canonical: only expert-labelled rows)
 * @param init                how the network's parameters start: {@code torch} (U(±1/√fan_in) for weights
 *                            and biases) or {@code keras} (Glorot-uniform weights, zero biases — the
 *                            CLIC repository's Keras HG-DAgger); default torch
 * @param outputSquash        the policy's output: {@code tanh} or {@code sigmoid2} ({@code 2·sigmoid(x) − 1},
 *                            the Keras HG-DAgger's); default tanh
 * @param adamEpsilon         Adam's ε; default 1e-8 (PyTorch's; Keras uses 1e-7)
 */
public record BcConfig(double learningRate, int batchSize, List<Integer> hiddenSizes, Mlp.Activation activation,
                       int updateEvery, int endOfEpisodeUpdates, int bufferCapacity, int minBufferSize,
                       double gradientClip, Set<FeedbackKind> feedbackKinds, boolean aggregateUnlabelled,
                       Mlp.Initialisation init, Mlp.OutputSquash outputSquash, double adamEpsilon) {

    /** Adam's ε in PyTorch, the default. */
    public static final double TORCH_ADAM_EPSILON = 1e-8;

    /** A configuration with PyTorch's initialisation, a tanh output and PyTorch's Adam ε. */
    public BcConfig(double learningRate, int batchSize, List<Integer> hiddenSizes, Mlp.Activation activation,
                    int updateEvery, int endOfEpisodeUpdates, int bufferCapacity, int minBufferSize,
                    double gradientClip, Set<FeedbackKind> feedbackKinds, boolean aggregateUnlabelled) {
        this(learningRate, batchSize, hiddenSizes, activation, updateEvery, endOfEpisodeUpdates, bufferCapacity,
                minBufferSize, gradientClip, feedbackKinds, aggregateUnlabelled, Mlp.Initialisation.TORCH,
                Mlp.OutputSquash.TANH, TORCH_ADAM_EPSILON);
    }

    /** A configuration that keeps only labelled rows. */
    public BcConfig(double learningRate, int batchSize, List<Integer> hiddenSizes, Mlp.Activation activation,
                    int updateEvery, int endOfEpisodeUpdates, int bufferCapacity, int minBufferSize,
                    double gradientClip, Set<FeedbackKind> feedbackKinds) {
        this(learningRate, batchSize, hiddenSizes, activation, updateEvery, endOfEpisodeUpdates, bufferCapacity,
                minBufferSize, gradientClip, feedbackKinds, false);
    }

    private static final List<Integer> DEFAULT_HIDDEN = List.of(256, 256);
    private static final Set<FeedbackKind> ALL_KINDS = Set.copyOf(EnumSet.complementOf(EnumSet.of(FeedbackKind.NONE)));

    public BcConfig {
        hiddenSizes = hiddenSizes == null ? DEFAULT_HIDDEN : Collections.unmodifiableList(new ArrayList<>(hiddenSizes));
        activation = activation == null ? Mlp.Activation.RELU : activation;
        feedbackKinds = feedbackKinds == null ? ALL_KINDS : Set.copyOf(feedbackKinds);
        init = init == null ? Mlp.Initialisation.TORCH : init;
        outputSquash = outputSquash == null ? Mlp.OutputSquash.TANH : outputSquash;
        Checks checks = new Checks()
                .positive("learningRate", learningRate)
                .atLeast("batchSize", batchSize, 1)
                .nonNegative("updateEvery", updateEvery)
                .nonNegative("endOfEpisodeUpdates", endOfEpisodeUpdates)
                .atLeast("bufferCapacity", bufferCapacity, 1)
                .inRange("minBufferSize", minBufferSize, 1, Math.max(1, bufferCapacity))
                .nonNegative("gradientClip", gradientClip)
                .require("feedbackKinds", !feedbackKinds.isEmpty(), "must name at least one feedback kind")
                .require("feedbackKinds", !feedbackKinds.contains(FeedbackKind.NONE),
                        "must not contain NONE (it never carries a label)")
                .require("outputSquash", outputSquash != Mlp.OutputSquash.NONE,
                        "must be tanh or sigmoid2: the policy's output is read as a point of the action box")
                .require("adamEpsilon", adamEpsilon > 0 && Double.isFinite(adamEpsilon),
                        "must be a finite number > 0 but was " + adamEpsilon + " (PyTorch 1e-8, Keras 1e-7)");
        for (int i = 0; i < hiddenSizes.size(); i++) {
            Integer width = hiddenSizes.get(i);
            checks.require("hiddenSizes[" + i + "]", width != null && width >= 1, "must be >= 1 but was " + width);
        }
        checks.require("learningRate", Double.isFinite(learningRate), "must be finite but was " + learningRate)
                .require("gradientClip", Double.isFinite(gradientClip), "must be finite but was " + gradientClip)
                .verify();
    }

    /** Every field at its documented default. */
    public static BcConfig defaults() {
        return new BcConfig(3e-4, 32, DEFAULT_HIDDEN, Mlp.Activation.RELU, 5, 1000, 60_000, 32, 1.0, ALL_KINDS, false,
                Mlp.Initialisation.TORCH, Mlp.OutputSquash.TANH, TORCH_ADAM_EPSILON);
    }
}
