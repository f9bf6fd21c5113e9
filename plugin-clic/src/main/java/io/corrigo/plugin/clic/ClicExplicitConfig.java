package io.corrigo.plugin.clic;

import io.corrigo.api.Checks;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.djl.ebm.ComputePreset;
import java.util.List;
import java.util.Set;

/**
 * Configuration of {@code clic-explicit}. Defaults are the CLIC repository's CLIC-Explicit settings
 * ({@code train_CLIC_Explicit.yaml}, TF version; clic.md §4.6–4.7).
 *
 * <p>{@code preset: cpu-small}: each field marked <em>(preset)</em> that is left at its default takes the
 * value in brackets (clic.md §11); a field given any other value keeps it.
 *
 * @param preset              {@code default} or {@code cpu-small}; default {@code default}
 * @param learningRate        Adam step size; default 3e-4
 * @param batchSize           corrections per update; default 32
 * @param hiddenSizes         widths of the policy's tanh layers (output {@code 2σ(x) − 1}); default
 *                            [512, 512, 512, 256] (preset: [128, 128, 128])
 * @param alphaDegrees        angle {@code α} of the implicit halfspaces; in (0, 180); default 30
 * @param gamma               relaxation {@code γ}: the main hinge's anchor is {@code a^r + γ·e·h}; in [0, 1);
 *                            default 0.3
 * @param implicitHalfspaces  number {@code M} of implicit halfspaces; default 256 (preset: 32)
 * @param mainWeight          weight of the main hinge {@code max(0, ‖a − c‖² − ‖a − a^r‖²)}; default 0.2
 * @param coneWeight          weight of each cone hinge {@code max(0, ‖a − a^+‖² − ‖a − n_k‖²)}, times
 *                            {@code 128/M}; default 0.02
 * @param updateEvery         one update every this many steps of the trial on steps without a
 *                            correction; 0 turns these off; default 5
 * @param endOfEpisodeUpdates updates at the end of each training episode (plus one at its last step);
 *                            default 500 (preset: 100)
 * @param bufferCapacity      corrections kept (FIFO); default 60000
 * @param minBufferSize       corrections needed before batch updates; before that each correction
 *                            gives one single-sample MSE step towards {@code clip(a^r + e·h)}; default 32
 * @param gradientClip        global gradient-norm limit; 0 turns it off (the repository does not clip);
 *                            default 0
 * @param feedbackKinds       accepted kinds: absolute, relative, partial, takeover and label; default all five
 */
public record ClicExplicitConfig(ComputePreset preset, double learningRate, int batchSize, List<Integer> hiddenSizes,
                                 double alphaDegrees, double gamma, int implicitHalfspaces, double mainWeight,
                                 double coneWeight, int updateEvery, int endOfEpisodeUpdates, int bufferCapacity,
                                 int minBufferSize, double gradientClip, Set<FeedbackKind> feedbackKinds) {

    /** The repository's CLIC-Explicit. */
    public static final ClicExplicitConfig DEFAULTS = new ClicExplicitConfig(ComputePreset.DEFAULT, 3e-4, 32,
            Presets.EBM_HIDDEN, 30, 0.3, 256, 0.2, 0.02, 5, 500, 60_000, 32, 0, ClicHalfConfig.SUPPORTED);

    public ClicExplicitConfig {
        preset = preset == null ? ComputePreset.DEFAULT : preset;
        hiddenSizes = Presets.copy(hiddenSizes, Presets.EBM_HIDDEN);
        feedbackKinds = feedbackKinds == null ? ClicHalfConfig.SUPPORTED : Set.copyOf(feedbackKinds);
        if (preset == ComputePreset.CPU_SMALL) {
            hiddenSizes = Presets.small(hiddenSizes, Presets.EBM_HIDDEN, Presets.SMALL_HIDDEN);
            implicitHalfspaces = Presets.small(implicitHalfspaces, 256, 32);
            endOfEpisodeUpdates = Presets.small(endOfEpisodeUpdates, 500, 100);
        }
        Checks checks = new Checks()
                .positive("learningRate", learningRate)
                .require("learningRate", Double.isFinite(learningRate), "must be finite but was " + learningRate)
                .atLeast("batchSize", batchSize, 1)
                .require("alphaDegrees", alphaDegrees > 0 && alphaDegrees < 180, "must be in (0, 180) but was " + alphaDegrees)
                .require("gamma", gamma >= 0 && gamma < 1, "must be in [0, 1) but was " + gamma)
                .atLeast("implicitHalfspaces", implicitHalfspaces, 1)
                .nonNegative("mainWeight", mainWeight)
                .nonNegative("coneWeight", coneWeight);
        Presets.common(checks, hiddenSizes, updateEvery, endOfEpisodeUpdates, bufferCapacity, minBufferSize, gradientClip);
        Presets.checkKinds(checks, feedbackKinds, ClicHalfConfig.SUPPORTED, "clic-explicit").verify();
    }
}
