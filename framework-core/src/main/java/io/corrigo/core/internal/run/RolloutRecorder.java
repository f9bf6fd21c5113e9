package io.corrigo.core.internal.run;

import io.corrigo.api.Action;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.StepResult;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.learner.Landscape;
import java.util.Locale;

/** Builds the frames of one recorded episode: the scene before each step, the actions, what the human did. */
final class RolloutRecorder {

    private final String kind;
    private final int episode;
    private final StringBuilder frames = new StringBuilder("[");
    private int steps;
    private boolean success;

    RolloutRecorder(String kind, int episode) {
        this.kind = kind;
        this.episode = episode;
    }

    /** Records step {@code t} taken from the environment's current state (call before stepping). */
    void before(Environment env, int t) {
        frames.append(steps > 0 ? "," : "").append("{\"t\":").append(t).append(",\"scene\":");
        SceneJson.scene(frames, env.scene());
    }

    /** Adds the learner's action landscape at this frame's state (call between {@link #before} and {@link #after}). */
    void landscape(Landscape landscape, Space space) {
        frames.append(",\"landscape\":");
        SceneJson.landscape(frames, landscape, space);
    }

    /** Completes the frame opened by {@link #before}. {@code teacher} and {@code response} are null in evaluations. */
    void after(Action learner, Action teacher, Response response, Action executed, StepResult step) {
        frames.append(",\"learner\":").append(SceneJson.vector(learner));
        if (teacher != null) {
            frames.append(",\"teacher\":").append(SceneJson.vector(teacher));
        }
        frames.append(",\"executed\":").append(SceneJson.vector(executed));
        frames.append(",\"executedBy\":\"").append(response == null ? "learner"
                : response.executedBy().name().toLowerCase(Locale.ROOT)).append('"');
        frames.append(",\"feedback\":\"").append(response == null ? "none" : response.feedback().kind().id()).append('"');
        frames.append(",\"reward\":").append(SceneJson.num(step.reward()));
        frames.append(",\"success\":").append(step.info().success()).append('}');
        success |= step.info().success();
        steps++;
    }

    /** The final state after the last step, as a frame without actions. */
    Rollout finish(Environment env) {
        frames.append(steps > 0 ? "," : "").append("{\"t\":").append(steps + 1).append(",\"scene\":");
        SceneJson.scene(frames, env.scene());
        frames.append(",\"success\":").append(success).append("}]");
        return new Rollout(kind, episode, steps, success, frames.toString());
    }
}
