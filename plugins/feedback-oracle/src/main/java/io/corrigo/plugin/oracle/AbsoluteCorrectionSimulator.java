package io.corrigo.plugin.oracle;

import io.corrigo.api.Action;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.plugin.oracle.ClicProtocol.Correction;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * CLIC's simulated teacher giving absolute corrections (Li et al., arXiv:2502.07645, §2.2 and
 * §3 of the spec): consulted on schedule with a banked budget, corrects when the rescaled teacher
 * action is farther than the threshold from the proposal, corrupts the correction with the
 * configured noise, clips it into the action space and executes it one step later.
 */
final class AbsoluteCorrectionSimulator implements FeedbackSimulator, BankedState {

    private final AbsoluteCorrectionConfig config;
    private final Space actionSpace;
    private final List<CorrectionNoise> noise;
    private final RandomGenerator random;
    private final DegradedExpert expert;
    private final ClicProtocol protocol;

    AbsoluteCorrectionSimulator(AbsoluteCorrectionConfig config, Space actionSpace, RandomGenerator random,
                                DegradedExpert expert) {
        this.config = config;
        this.actionSpace = actionSpace;
        this.noise = CorrectionNoise.of(config.noise());
        this.random = random;
        this.expert = expert;
        this.protocol = new ClicProtocol(actionSpace, config.consultEvery(), config.banked(), config.delayed());
    }

    /** A simulator with the clean expert. */
    AbsoluteCorrectionSimulator(AbsoluteCorrectionConfig config, Space actionSpace, RandomGenerator random) {
        this(config, actionSpace, random, DegradedExpert.none(actionSpace));
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

    /** Bank size, for tests. */
    int bank() {
        return protocol.bank();
    }

    /** The noisy, clipped teacher action, or empty when the proposal is within the threshold. */
    private Optional<Correction> correct(Query query) {
        Action teacher = expert.apply(query.expert());
        return ClicProtocol.correctionVector(teacher, query.proposed(), config.threshold()).map(d -> {
            double[] noisy = d;
            for (CorrectionNoise stage : noise) {
                noisy = stage.apply(noisy, d, random);
            }
            Action action = actionSpace.clip(Action.ofDoubles(Vectors.plus(Vectors.of(query.proposed()), noisy)));
            return new Correction(new Feedback.AbsoluteCorrection(action), action);
        });
    }

    @Override
    public ClicProtocol protocol() {
        return protocol;
    }
}
