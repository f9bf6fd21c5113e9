package io.corrigo.plugin.oracle;

import io.corrigo.api.Action;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.feedback.Response.Executor;
import java.util.random.RandomGenerator;

/**
 * DAgger's expert (Ross, Gordon and Bagnell, AISTATS 2011; baselines spec §2.1): every visited
 * training state is labelled with the expert's action, and at each step the expert's action is
 * executed with probability β_i, the learner's otherwise, β_i following the schedule over
 * training episodes.
 */
final class DaggerSimulator implements FeedbackSimulator, CountedState {

    private final DaggerConfig config;
    private final Space actionSpace;
    private final RandomGenerator random;
    private final DegradedExpert expert;
    /** Training episodes started before the current one; -1 before the first. */
    private int episode = -1;
    private double beta;

    DaggerSimulator(DaggerConfig config, Space actionSpace, RandomGenerator random, DegradedExpert expert) {
        this.config = config;
        this.actionSpace = actionSpace;
        this.random = random;
        this.expert = expert;
        this.beta = config.beta(0);
    }

    @Override
    public void startEpisode() {
        episode++;
        beta = config.beta(episode);
    }

    @Override
    public Response respond(Query query) {
        if (query.proposed().size() != actionSpace.dimension()) {
            throw new IllegalArgumentException("proposed action has " + query.proposed().size()
                    + " dimensions, the action space " + actionSpace.dimension());
        }
        Action label = actionSpace.clip(expert.apply(query.expert()));
        Feedback feedback = new Feedback.Label(label);
        return random.nextDouble() < beta ? new Response(feedback, label, Executor.TEACHER)
                : new Response(feedback, query.proposed(), Executor.LEARNER);
    }

    /** β of the current episode. */
    double beta() {
        return beta;
    }

    @Override
    public java.util.Map<String, Long> counters() {
        return java.util.Map.of("episode", (long) episode);
    }

    @Override
    public void setCounters(java.util.Map<String, Long> counters) {
        episode = Math.toIntExact(counters.get("episode"));
        beta = config.beta(Math.max(0, episode));
    }
}
