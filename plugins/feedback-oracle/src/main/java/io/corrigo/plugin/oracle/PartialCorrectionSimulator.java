package io.corrigo.plugin.oracle;

import io.corrigo.api.Action;
import io.corrigo.api.Space;
import io.corrigo.api.env.ActionGroup;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.plugin.oracle.ClicProtocol.Correction;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * CLIC's partial teacher (Li et al., arXiv:2502.07645; spec §3.5): of the environment's action
 * groups only the one with the larger error {@code ‖d_g‖} is corrected. Absolute mode gives the
 * teacher's values in that group and the proposal elsewhere; relative mode gives a unit direction
 * that is zero outside the group. Groups may overlap, so a dimension that is always corrected
 * (CLIC's gripper) belongs to every group; dimensions in no group are never corrected. With the
 * default single group of all dimensions the correction equals the absolute (or relative) one.
 */
final class PartialCorrectionSimulator implements FeedbackSimulator, BankedState {

    private final PartialCorrectionConfig config;
    private final Space actionSpace;
    private final List<ActionGroup> groups;
    private final List<CorrectionNoise> noise;
    private final RandomGenerator random;
    private final DegradedExpert expert;
    private final ClicProtocol protocol;

    PartialCorrectionSimulator(PartialCorrectionConfig config, Space actionSpace, List<ActionGroup> groups,
                               RandomGenerator random, DegradedExpert expert) {
        this.config = config;
        this.actionSpace = actionSpace;
        this.groups = List.copyOf(groups);
        this.noise = CorrectionNoise.of(config.noise());
        this.random = random;
        this.expert = expert;
        this.protocol = new ClicProtocol(actionSpace, config.consultEvery(), config.banked(), config.delayed());
    }

    @Override
    public void startEpisode() {
        protocol.startEpisode();
    }

    @Override
    public Optional<Action> carried() {
        return protocol.carried();
    }

    @Override
    public Response respond(Query query) {
        return protocol.respond(query, this::correct);
    }

    private Optional<Correction> correct(Query query) {
        Action teacher = expert.apply(query.expert());
        return ClicProtocol.correctionVector(teacher, query.proposed(), config.threshold())
                .flatMap(d -> largest(d).map(g -> config.relative()
                        ? relative(g, restrict(d, g), query.proposed())
                        : absolute(g, restrict(d, g), query.proposed())));
    }

    /** The group with the largest error (the first on ties), or empty if every group's error is 0. */
    Optional<ActionGroup> largest(double[] d) {
        ActionGroup best = null;
        double bestNorm = 0;
        for (ActionGroup g : groups) {
            double norm = Vectors.norm(restrict(d, g));
            if (norm > bestNorm) {
                best = g;
                bestNorm = norm;
            }
        }
        return Optional.ofNullable(best);
    }

    private Correction absolute(ActionGroup group, double[] d, Action proposed) {
        double[] noisy = d;
        for (CorrectionNoise stage : noise) {
            noisy = stage.apply(noisy, d, random);
        }
        double[] values = Vectors.of(proposed);
        for (int k = 0; k < noisy.length; k++) {
            int i = group.dimensions().get(k);
            values[i] = Math.max(actionSpace.low(i), Math.min(actionSpace.high(i), values[i] + noisy[k]));
        }
        Action action = Action.ofDoubles(values);
        return new Correction(new Feedback.PartialCorrection(action, Set.copyOf(group.dimensions())),
                actionSpace.clip(action));
    }

    private Correction relative(ActionGroup group, double[] d, Action proposed) {
        double[] rotated = d;
        for (CorrectionNoise stage : noise) {
            rotated = stage.apply(rotated, d, random);
        }
        double length = Vectors.norm(rotated);
        double[] h = new double[actionSpace.dimension()];
        for (int k = 0; k < rotated.length; k++) {
            h[group.dimensions().get(k)] = rotated[k] / length;
        }
        return RelativeCorrectionSimulator.relative(h, proposed, config.magnitude(), actionSpace);
    }

    /** The components of {@code d} in {@code group}'s dimensions, in the group's order. */
    private static double[] restrict(double[] d, ActionGroup group) {
        double[] sub = new double[group.dimensions().size()];
        for (int k = 0; k < sub.length; k++) {
            sub[k] = d[group.dimensions().get(k)];
        }
        return sub;
    }

    @Override
    public ClicProtocol protocol() {
        return protocol;
    }
}
