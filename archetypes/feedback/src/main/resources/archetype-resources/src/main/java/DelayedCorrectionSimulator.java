package ${package};

import io.corrigo.api.Action;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A human who reacts late: when the proposal at step t is further than {@code threshold} from the
 * teacher's action, the teacher's action of step t arrives as an absolute correction at step
 * {@code t + delay} and is executed there, whatever the state has become. Nothing is said during an
 * episode's first {@code delay} steps, nor about a step that was fine.
 */
final class DelayedCorrectionSimulator implements FeedbackSimulator {

    private final DelayedCorrectionConfig config;
    private final Space actions;
    /** What the human will say, oldest first: the teacher's action for a mistake, empty for a step that was fine. */
    private final Deque<Optional<Action>> inFlight = new ArrayDeque<>();

    DelayedCorrectionSimulator(DelayedCorrectionConfig config, Space actions) {
        this.config = config;
        this.actions = actions;
    }

    @Override
    public void startEpisode() {
        inFlight.clear();
    }

    @Override
    public Response respond(Query query) {
        boolean mistake = query.proposed().distanceTo(query.expert()) > config.threshold();
        inFlight.addLast(mistake ? Optional.of(query.expert()) : Optional.empty());
        if (inFlight.size() <= config.delay()) {
            return Response.silent(query.proposed());
        }
        Optional<Action> late = inFlight.removeFirst();
        if (late.isEmpty()) {
            return Response.silent(query.proposed());
        }
        Action correction = actions.clip(late.get());
        return new Response(new Feedback.AbsoluteCorrection(correction), correction, Response.Executor.TEACHER);
    }

    @Override
    public void close() {
        inFlight.clear();
    }
}
