package io.corrigo.djl.ebm;

import io.corrigo.api.env.Scene;
import java.util.List;

/**
 * A policy's action density at one state over a 2-D action space, for the report site
 * (clic.md §8.1): {@code density[iy][ix]} in {@code [0, 1]} at the action whose components are
 * {@code low_k + (high_k − low_k)·i/(resolution − 1)} (dimension 0 along x), computed by
 * {@link EnergyLandscape#grid}; and an overlay in action coordinates: the corrections the learner
 * holds near that state ({@code a^r} as an {@code AGENT} dot, the corrected action {@code a^+} as a
 * {@code TARGET} dot, the desired set's outline as {@code PATH} shapes).
 *
 * @param density the normalised density, {@code resolution} rows of {@code resolution} values
 * @param overlay shapes in action coordinates; may be empty
 * @since 1.1
 */
public record Landscape(float[][] density, List<Scene.Shape> overlay) {

    public Landscape {
        if (density.length < 2 || density[0].length != density.length) {
            throw new IllegalArgumentException("density must be a square grid of at least 2 × 2");
        }
        overlay = List.copyOf(overlay);
    }

    /** Cells per axis. */
    public int resolution() {
        return density.length;
    }
}
