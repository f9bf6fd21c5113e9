package io.corrigo.api.learner;

import io.corrigo.api.env.Scene;
import java.util.List;

/**
 * A policy's action density at one state over a 2-D action space, drawn by the report site as in
 * CLIC's Fig. 1: {@code density[iy][ix]} in {@code [0, 1]} (1 = the most likely action) at the
 * action whose components are {@code low_k + (high_k − low_k)·i/(resolution − 1)} (dimension 0
 * along x, {@code low}/{@code high} the action space's bounds); and an overlay in action
 * coordinates, e.g. the corrections the learner holds near that state ({@code a^r} as an
 * {@code AGENT} dot, the corrected action as a {@code TARGET} dot, the desired set's outline as
 * {@code PATH} shapes).
 *
 * @param density the normalised density, {@code resolution} rows of {@code resolution} values
 * @param overlay shapes in action coordinates; may be empty
 * @since 1.1 (of this package)
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
