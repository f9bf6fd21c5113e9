package io.corrigo.plugin.clic;

import io.corrigo.api.env.Scene;
import io.corrigo.djl.ebm.CandidateSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * CLIC-Half's desired set (clic.md §4.4): a relaxed main halfspace — the actions nearer
 * {@code c = a^r + γ·e·h} than {@code a^r} — intersected with {@code M} implicit halfspaces — nearer
 * {@code a^+ = a^r + e·h} than each counterfactual {@code n_k = c + e(1 − γ)·v_k} — whose hard
 * intersection is the cone with apex {@code c}, axis {@code h} and half-angle {@code α/2}. Softly:
 * <pre>
 * ℓ0(a) = softIn(‖a − c‖ − ‖a − a^r‖),  ℓk(a) = softIn(‖a − a^+‖ − ‖a − n_k‖)
 * ℓ(a)  = (Σ_k ℓk(a) + w·ℓ0(a)) / (w + M),  w = mainWeight·M
 * </pre>
 * Known actions: slot 0 {@code a^r}, slot 1 {@code a^+} (clipped into the box).
 */
final class HalfspaceCone implements DesiredSet {

    private final int d;
    private final double alpha;
    private final double gamma;
    private final double kappa;
    private final int m;
    private final double mainWeight;
    private final float[] robot;
    private final float[] anchor;
    private final float[] plus;
    private final float[] negatives;
    private final float[] directions;

    HalfspaceCone(int actionSize, int capacity, double alphaDegrees, double gamma, double kappa, int halfspaces,
                  double mainWeightRatio) {
        this.d = actionSize;
        this.alpha = Math.toRadians(alphaDegrees);
        this.gamma = gamma;
        this.kappa = kappa;
        this.m = halfspaces;
        this.mainWeight = mainWeightRatio * halfspaces;
        robot = new float[capacity * d];
        anchor = new float[capacity * d];
        plus = new float[capacity * d];
        negatives = new float[capacity * halfspaces * d];
        directions = new float[halfspaces * d];
    }

    @Override
    public void prepare(int b, Correction correction, RandomGenerator random) {
        float e = correction.scale();
        float[] h = correction.h();
        ImplicitHalfspaces.directions(h, alpha, m, random, directions);
        for (int i = 0; i < d; i++) {
            robot[b * d + i] = correction.robot()[i];
            anchor[b * d + i] = (float) (correction.robot()[i] + gamma * e * h[i]);
            plus[b * d + i] = correction.robot()[i] + e * h[i];
        }
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < d; i++) {
                negatives[(b * m + k) * d + i] = (float) (anchor[b * d + i] + e * (1 - gamma) * directions[k * d + i]);
            }
        }
    }

    @Override
    public void placeKnownActions(CandidateSet candidates, int b) {
        candidates.setAction(0, b, robot, b * d);
        float[] clipped = new float[d];
        for (int i = 0; i < d; i++) {
            clipped[i] = Math.max(-1f, Math.min(1f, plus[b * d + i]));
        }
        candidates.setAction(1, b, clipped, 0);
    }

    @Override
    public double logLikelihood(int b, float[] actions, int offset) {
        double toPlus = DesiredSet.distance(actions, offset, plus, b * d, d);
        double cone = 0;
        for (int k = 0; k < m; k++) {
            cone += DesiredSet.softIn(toPlus - DesiredSet.distance(actions, offset, negatives, (b * m + k) * d, d), kappa);
        }
        double main = DesiredSet.softIn(DesiredSet.distance(actions, offset, anchor, b * d, d)
                - DesiredSet.distance(actions, offset, robot, b * d, d), kappa);
        return (cone + mainWeight * main) / (mainWeight + m);
    }

    /** The main halfspace's boundary (through {@code a^r + γe·h/2}, normal {@code h}) and the cone's two edges (2-D). */
    @Override
    public List<Scene.Shape> outline(Correction c, Function<float[], Scene.Point> toScene) {
        float[] h = c.h();
        double norm = c.norm();
        double e = c.scale();
        double length = 2 * e * norm;
        float[] r = c.robot();
        double[] u = {h[0] / norm, h[1] / norm};
        double[] mid = {r[0] + gamma * e * h[0] / 2, r[1] + gamma * e * h[1] / 2};
        List<Scene.Shape> shapes = new ArrayList<>();
        shapes.add(new Scene.Segment(toScene.apply(point(mid, -u[1] * length, u[0] * length)),
                toScene.apply(point(mid, u[1] * length, -u[0] * length)), Scene.Tone.PATH));
        double[] apex = {r[0] + gamma * e * h[0], r[1] + gamma * e * h[1]};
        for (int side = -1; side <= 1; side += 2) {
            double turn = side * alpha / 2;
            double x = u[0] * Math.cos(turn) - u[1] * Math.sin(turn);
            double y = u[0] * Math.sin(turn) + u[1] * Math.cos(turn);
            shapes.add(new Scene.Segment(toScene.apply(point(apex, 0, 0)),
                    toScene.apply(point(apex, x * length, y * length)), Scene.Tone.PATH));
        }
        return shapes;
    }

    private static float[] point(double[] origin, double dx, double dy) {
        return new float[] {(float) (origin[0] + dx), (float) (origin[1] + dy)};
    }
}
