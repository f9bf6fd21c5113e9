package io.corrigo.plugin.toys;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.Scene;
import io.corrigo.api.env.Scene.ActionFrame;
import io.corrigo.api.env.Scene.Circle;
import io.corrigo.api.env.Scene.Point;
import io.corrigo.api.env.Scene.Shape;
import io.corrigo.api.env.Scene.Tone;
import io.corrigo.api.env.Snapshot;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.env.StepResult;
import io.corrigo.api.env.Teacher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * CLIC's line-following task (Li et al., arXiv:2502.07645; {@code env/followLine/followLine_env.py} in
 * clic-webpage/CLIC; clic.md §6, §8.3): a ball in pixel space must run along a line to its end.
 *
 * <p>Observation (5): {@code (ball − end)/100}, {@code (start − end)/100}, and the distance to the
 * line over 30. Action: a displacement, clipped to {@code [-1, 1]²}, times {@code pixelsPerAction} px;
 * the ball stays within {@code [20, 580]²}. Coming within 15 px of the end terminates with success
 * (reward +1 on top); straying more than 30 px from the line terminates without (−1 on top). Every
 * step pays minus the distance to the line over 30. Progress is the fraction of the start's remaining
 * path (to the segment, then along it) covered so far, 1 on success. The teacher reads the ball's
 * position from the observation, so it answers for any observation of this line.
 */
final class LineFollowingEnvironment implements Environment {

    private static final Space ACTIONS = Space.cube(2, -1, 1);
    /** Actions are drawn this many times longer than the displacement they cause. */
    private static final double ARROW_ZOOM = 20;
    private static final double VIEW_MARGIN = 50;

    private final LineFollowingConfig config;
    private final PixelLine line;
    private final Space observationSpace;
    private double x;
    private double y;
    private double initialRemaining;
    private int steps;
    private boolean started;
    private boolean running;

    LineFollowingEnvironment(LineFollowingConfig config) {
        this.config = config;
        this.line = config.line();
        this.observationSpace = observationSpace(line);
    }

    private static Space observationSpace(PixelLine line) {
        double s = PixelLine.POSITION_SCALE;
        float dx = (float) ((line.startX() - line.endX()) / s);
        float dy = (float) ((line.startY() - line.endY()) / s);
        float[] low = {(float) ((PixelLine.SCREEN_MIN - line.endX()) / s),
            (float) ((PixelLine.SCREEN_MIN - line.endY()) / s), dx, dy, 0};
        float[] high = {(float) ((PixelLine.SCREEN_MAX - line.endX()) / s),
            (float) ((PixelLine.SCREEN_MAX - line.endY()) / s), dx, dy,
            (float) (line.farthestOnScreen() / PixelLine.CORRIDOR)};
        return Space.box(low, high);
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public Space actionSpace() {
        return ACTIONS;
    }

    @Override
    public int maxSteps() {
        return config.maxSteps();
    }

    @Override
    public Observation reset(long seed) {
        double[] start = line.startNear(new SplittableRandom(seed), config.startSpread());
        x = start[0];
        y = start[1];
        initialRemaining = line.remainingPath(x, y);
        steps = 0;
        started = true;
        running = true;
        return observation();
    }

    @Override
    public StepResult step(Action action) {
        if (!running) {
            throw new IllegalStateException(started
                    ? "the episode is over (step " + steps + "); call reset(seed) first"
                    : "no episode has started; call reset(seed) first");
        }
        Action a = ACTIONS.clip(action);
        x = PixelLine.clampToScreen(x + config.pixelsPerAction() * a.get(0));
        y = PixelLine.clampToScreen(y + config.pixelsPerAction() * a.get(1));
        steps++;
        boolean reached = line.reached(x, y);
        boolean strayed = !reached && line.strayed(x, y);
        boolean terminated = reached || strayed;
        boolean truncated = !terminated && steps >= config.maxSteps();
        running = !terminated && !truncated;
        double reward = -line.distanceToLine(x, y) / PixelLine.CORRIDOR + (reached ? 1 : 0) - (strayed ? 1 : 0);
        double progress = reached ? 1 : Math.max(0, 1 - line.remainingPath(x, y) / initialRemaining);
        return new StepResult(observation(), reward, terminated, truncated, new StepInfo(reached, progress));
    }

    @Override
    public Teacher expert() {
        return (observation, proposed) -> {
            double px = observation.get(0) * PixelLine.POSITION_SCALE + line.endX();
            double py = observation.get(1) * PixelLine.POSITION_SCALE + line.endY();
            return Action.ofDoubles(line.teach(px, py, config.lookAhead(), config.teacherSpeed()));
        };
    }

    /** Minus the remaining path (px): to the segment, then along it to the end. */
    @Override
    public OptionalDouble value() {
        return OptionalDouble.of(-line.remainingPath(x, y));
    }

    @Override
    public Optional<Snapshot> snapshot() {
        return Optional.of(new State(this, x, y, initialRemaining, steps, started, running));
    }

    @Override
    public void restore(Snapshot snapshot) {
        if (!(snapshot instanceof State s) || s.owner() != this) {
            throw new IllegalArgumentException("not a snapshot of this environment: " + snapshot);
        }
        x = s.x();
        y = s.y();
        initialRemaining = s.initialRemaining();
        steps = s.steps();
        started = s.started();
        running = s.running();
    }

    private record State(LineFollowingEnvironment owner, double x, double y, double initialRemaining, int steps,
                         boolean started, boolean running) implements Snapshot {
    }

    /** The line with its 30 px corridor and goal circle, the ball, and actions drawn 20× long from it. */
    @Override
    public Scene scene() {
        List<Shape> shapes = new ArrayList<>(line.shapes());
        shapes.add(new Circle(new Point(x, y), 5, Tone.AGENT, true));
        return new Scene(
                Math.min(line.startX(), line.endX()) - VIEW_MARGIN, Math.min(line.startY(), line.endY()) - VIEW_MARGIN,
                Math.max(line.startX(), line.endX()) + VIEW_MARGIN, Math.max(line.startY(), line.endY()) + VIEW_MARGIN,
                shapes, Optional.of(new ActionFrame(new Point(x, y), ARROW_ZOOM * config.pixelsPerAction(), 0, 1)));
    }

    private Observation observation() {
        double s = PixelLine.POSITION_SCALE;
        return Observation.ofDoubles((x - line.endX()) / s, (y - line.endY()) / s,
                (line.startX() - line.endX()) / s, (line.startY() - line.endY()) / s,
                line.distanceToLine(x, y) / PixelLine.CORRIDOR);
    }
}
