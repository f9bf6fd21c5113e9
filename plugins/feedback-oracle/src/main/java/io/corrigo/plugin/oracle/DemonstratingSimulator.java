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
final class DemonstratingSimulator implements FeedbackSimulator, Demonstrator, CountedState {

    private final FeedbackSimulator simulator;
    private final CountedState state;
    private final Teacher demonstrator;

    private DemonstratingSimulator(FeedbackSimulator simulator, CountedState state, Teacher demonstrator) {
        this.simulator = simulator;
        this.state = state;
        this.demonstrator = demonstrator;
    }

    /** {@code simulator} (one of this bundle's, with its {@link CountedState}), demonstrating with {@code environment}'s teacher degraded by {@code expert}. */
    static <S extends FeedbackSimulator & CountedState> FeedbackSimulator of(S simulator, DegradedExpert expert,
                                                                             Environment environment) {
        Teacher teacher = environment.expert();
        return new DemonstratingSimulator(simulator, simulator, (observation, proposed) -> expert.apply(teacher.act(observation, proposed)));
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
    public java.util.Map<String, Long> counters() {
        return state.counters();
    }

    @Override
    public void setCounters(java.util.Map<String, Long> counters) {
        state.setCounters(counters);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
