package io.corrigo.plugin.oracle;

import io.corrigo.api.env.Environment;
import io.corrigo.api.env.Teacher;
import io.corrigo.api.feedback.Demonstrator;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;

/**
 * A simulator of this bundle that also demonstrates: the environment's teacher degraded by the
 * simulator's {@code expert} block, so that demonstrations come from the same suboptimal person
 * who later corrects or takes over. The degradation draws from the same stream as the simulator's.
 */
final class DemonstratingSimulator implements FeedbackSimulator, Demonstrator {

    private final FeedbackSimulator simulator;
    private final Teacher demonstrator;

    private DemonstratingSimulator(FeedbackSimulator simulator, Teacher demonstrator) {
        this.simulator = simulator;
        this.demonstrator = demonstrator;
    }

    /** {@code simulator}, demonstrating with {@code environment}'s teacher degraded by {@code expert}. */
    static FeedbackSimulator of(FeedbackSimulator simulator, DegradedExpert expert, Environment environment) {
        Teacher teacher = environment.expert();
        return new DemonstratingSimulator(simulator, (observation, proposed) -> expert.apply(teacher.act(observation, proposed)));
    }

    @Override
    public Teacher demonstrator() {
        return demonstrator;
    }

    @Override
    public void startEpisode() {
        simulator.startEpisode();
    }

    @Override
    public java.util.Optional<io.corrigo.api.Action> carried() {
        return simulator.carried();
    }

    @Override
    public Response respond(Query query) {
        return simulator.respond(query);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
