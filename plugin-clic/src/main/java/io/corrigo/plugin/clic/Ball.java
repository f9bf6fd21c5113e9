package io.corrigo.plugin.clic;

import io.corrigo.api.env.Scene;
import io.corrigo.djl.ebm.CandidateSet;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * CLIC-Circular's desired set (clic.md §4.5): the ball around the corrected action
 * {@code a^+ = a^r + h} whose radius scales with the correction, {@code ρ = r·‖h‖};
 * {@code ℓ(a) = softIn(‖a − a^+‖ − ρ)}. As {@code r → 0} (and without the policy prior) this is IBC's
 * pointwise supervision. Known action: slot 0 {@code a^+} (clipped into the box).
 */
final class Ball implements DesiredSet {

    private final int d;
    private final double radiusRatio;
    private final double kappa;
    private final float[] centres;
    private final double[] radii;

    Ball(int actionSize, int capacity, double radiusRatio, double kappa) {
        this.d = actionSize;
        this.radiusRatio = radiusRatio;
        this.kappa = kappa;
        centres = new float[capacity * d];
        radii = new double[capacity];
    }

    @Override
    public void prepare(int b, Correction correction, RandomGenerator random) {
        for (int i = 0; i < d; i++) {
            centres[b * d + i] = correction.robot()[i] + correction.h()[i];
        }
        radii[b] = radiusRatio * correction.norm();
    }

    @Override
    public void placeKnownActions(CandidateSet candidates, int b) {
        float[] clipped = new float[d];
        for (int i = 0; i < d; i++) {
            clipped[i] = Math.max(-1f, Math.min(1f, centres[b * d + i]));
        }
        candidates.setAction(0, b, clipped, 0);
    }

    @Override
    public double logLikelihood(int b, float[] actions, int offset) {
        return DesiredSet.softIn(DesiredSet.distance(actions, offset, centres, b * d, d) - radii[b], kappa);
    }

    /** The ball's rim (2-D; a circle in normalised coordinates, drawn with the first axis' scale). */
    @Override
    public List<Scene.Shape> outline(Correction c, Function<float[], Scene.Point> toScene) {
        float[] centre = {c.robot()[0] + c.h()[0], c.robot()[1] + c.h()[1]};
        float radius = (float) (radiusRatio * c.norm());
        Scene.Point middle = toScene.apply(centre);
        Scene.Point rim = toScene.apply(new float[] {centre[0] + radius, centre[1]});
        return List.of(new Scene.Circle(middle, Math.abs(rim.x() - middle.x()), Scene.Tone.PATH, false));
    }
}
