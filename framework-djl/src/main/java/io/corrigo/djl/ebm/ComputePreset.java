package io.corrigo.djl.ebm;

/**
 * The compute size of an energy-based learner's configuration ({@code preset} in YAML:
 * {@code default} or {@code cpu-small}). Only compute knobs (network widths, candidate counts,
 * sampler steps, end-of-episode iterations) depend on it; every algorithmic constant stays at the
 * original value. Each learner's configuration documents which fields its preset sets.
 *
 * @since 1.1
 */
public enum ComputePreset {
    /** The original repository's settings (sized for a GPU). */
    DEFAULT,
    /**
     * The 2-core CPU downsizing of clic.md §11, the same for every energy-based learner so that
     * comparisons stay fair: 3 × 128 networks, 64 training candidates, 256 acting samples with
     * derivative-free optimisation, 100 end-of-episode iterations.
     */
    CPU_SMALL
}
