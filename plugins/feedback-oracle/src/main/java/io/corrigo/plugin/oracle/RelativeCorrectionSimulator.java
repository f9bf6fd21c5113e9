package io.corrigo.plugin.oracle;

import io.corrigo.api.Action;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.plugin.oracle.ClicProtocol.Correction;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * CLIC's relative ("gimme") teacher (Li et al., arXiv:2502.07645; spec §3.4): where the rescaled
 * teacher action is farther than the threshold from the proposal, it gives the unit direction
 * {@code h = normalize(rotate_θ(a_T − a_rob))} with CLIC's step {@code e}; the action
 * {@code clip(a_rob + e·h)} is executed, one step later by default.
 */
final class RelativeCorrectionSimulator implements FeedbackSimulator, BankedState {

    private final RelativeCorrectionConfig config;
    private final Space actionSpace;
    private final DirectionalNoise noise;
    private final RandomGenerator random;
    private final DegradedExpert expert;
    private final ClicProtocol protocol;

    RelativeCorrectionSimulator(RelativeCorrectionConfig config, Space actionSpace, RandomGenerator random,
                                DegradedExpert expert) {
        this.config = config;
        this.actionSpace = actionSpace;
        this.noise = config.noise().directional()
                ? new DirectionalNoise(config.noise().directionalDegrees(), config.noise().directionalBiasDegrees())
                : null;
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
                .map(d -> relative(direction(d), query.proposed(), config.magnitude(), actionSpace));
    }

    /** {@code d} rotated by the directional noise, if any, and normalised. */
    private double[] direction(double[] d) {
        double[] rotated = noise == null ? d : noise.apply(d, d, random);
        return Vectors.times(1 / Vectors.norm(rotated), rotated);
    }

    /** The relative correction along unit {@code h}, executing {@code clip(proposed + magnitude·h)}. */
    static Correction relative(double[] h, Action proposed, double magnitude, Space actionSpace) {
        Action executed = actionSpace.clip(Action.ofDoubles(Vectors.combine(1, Vectors.of(proposed), magnitude, h)));
        return new Correction(new Feedback.RelativeCorrection(Action.ofDoubles(h), magnitude), executed);
    }

    @Override
    public ClicProtocol protocol() {
        return protocol;
    }
}
