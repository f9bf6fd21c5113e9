package io.corrigo.plugin.toys;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.ActionGroup;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.Scene;
import io.corrigo.api.env.Scene.ActionFrame;
import io.corrigo.api.env.Scene.Circle;
import io.corrigo.api.env.Scene.Point;
import io.corrigo.api.env.Scene.Shape;
import io.corrigo.api.env.Scene.Text;
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
 * The two-ball line-following task of CLIC (Li et al., arXiv:2502.07645; {@code multifollowLine_env.py}
 * in clic-webpage/CLIC; clic.md §8.3, §11.4): each ball runs along its own line; a 4-D action moves
 * both, so partial feedback can correct one ball at a time ({@link #actionGroups()}).
 *
 * <p>Observation (2 × 7 + 1 = 15), for ball {@code i} at {@code 7i}: {@code (ball − end)/100},
 * {@code (start − ball)/100}, {@code (end − start)/100}, the distance to its line over 30 (the
 * repository divides by 50; 30 makes 1 the failure boundary, as in the one-ball task); last, the
 * spacing error {@code (|ball₁ − ball₂| − |start₁ − start₂|)/100}. Action: ball 1's then ball 2's
 * displacement, clipped to {@code [-1, 1]⁴}, times {@code pixelsPerAction} px. Both balls within 15 px
 * of their ends at once terminates with success (+1 on top); either more than 30 px from its line
 * terminates without (−1 on top). Every step pays minus the summed distances to the lines over 30.
 * Progress is the mean over the balls of the fraction of the start's remaining path covered, 1 on
 * success. The teacher is the one-ball look-ahead teacher per ball (the repository's speed-matching
 * and back-to-start rules are left out), read from the observation.
 */
final class TwoLineFollowingEnvironment implements Environment {

    private static final int BALLS = 2;
    private static final int FEATURES = 7;
    private static final Space ACTIONS = Space.cube(2 * BALLS, -1, 1);
    private static final List<ActionGroup> GROUPS = List.of(
            new ActionGroup("ball-1", List.of(0, 1)), new ActionGroup("ball-2", List.of(2, 3)));
    private static final double ARROW_ZOOM = 20;
    private static final double VIEW_MARGIN = 50;

    private final TwoLineFollowingConfig config;
    private final PixelLine[] lines;
    private final Space observationSpace;
    private final double[] xs = new double[BALLS];
    private final double[] ys = new double[BALLS];
    private final double[] initialRemaining = new double[BALLS];
    private int steps;
    private boolean started;
    private boolean running;

    TwoLineFollowingEnvironment(TwoLineFollowingConfig config) {
        this.config = config;
        this.lines = new PixelLine[] {config.firstLine(), config.secondLine()};
        this.observationSpace = observationSpace(lines);
    }

    private static Space observationSpace(PixelLine[] lines) {
        double s = PixelLine.POSITION_SCALE;
        float[] low = new float[BALLS * FEATURES + 1];
        float[] high = new float[BALLS * FEATURES + 1];
        for (int i = 0; i < BALLS; i++) {
            PixelLine l = lines[i];
            int o = FEATURES * i;
            double[] lows = {PixelLine.SCREEN_MIN - l.endX(), PixelLine.SCREEN_MIN - l.endY(),
                l.startX() - PixelLine.SCREEN_MAX, l.startY() - PixelLine.SCREEN_MAX,
                l.endX() - l.startX(), l.endY() - l.startY()};
            double[] highs = {PixelLine.SCREEN_MAX - l.endX(), PixelLine.SCREEN_MAX - l.endY(),
                l.startX() - PixelLine.SCREEN_MIN, l.startY() - PixelLine.SCREEN_MIN,
                l.endX() - l.startX(), l.endY() - l.startY()};
            for (int k = 0; k < lows.length; k++) {
                low[o + k] = (float) (lows[k] / s);
                high[o + k] = (float) (highs[k] / s);
            }
            high[o + 6] = (float) (l.farthestOnScreen() / PixelLine.CORRIDOR);
        }
        double spacing = startSpacing(lines);
        double side = PixelLine.SCREEN_MAX - PixelLine.SCREEN_MIN;
        double diagonal = Math.hypot(side, side);
        low[BALLS * FEATURES] = (float) (-spacing / s);
        high[BALLS * FEATURES] = (float) ((diagonal - spacing) / s);
        return Space.box(low, high);
    }

    private static double startSpacing(PixelLine[] lines) {
        return Math.hypot(lines[0].startX() - lines[1].startX(), lines[0].startY() - lines[1].startY());
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
    public List<ActionGroup> actionGroups() {
        return GROUPS;
    }

    @Override
    public int maxSteps() {
        return config.maxSteps();
    }

    @Override
    public Observation reset(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < BALLS; i++) {
            double[] start = lines[i].startNear(random, config.startSpread());
            xs[i] = start[0];
            ys[i] = start[1];
            initialRemaining[i] = lines[i].remainingPath(xs[i], ys[i]);
        }
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
        boolean allReached = true;
        boolean anyStrayed = false;
        double reward = 0;
        for (int i = 0; i < BALLS; i++) {
            xs[i] = PixelLine.clampToScreen(xs[i] + config.pixelsPerAction() * a.get(2 * i));
            ys[i] = PixelLine.clampToScreen(ys[i] + config.pixelsPerAction() * a.get(2 * i + 1));
            allReached &= lines[i].reached(xs[i], ys[i]);
            anyStrayed |= lines[i].strayed(xs[i], ys[i]);
            reward -= lines[i].distanceToLine(xs[i], ys[i]) / PixelLine.CORRIDOR;
        }
        steps++;
        boolean terminated = allReached || anyStrayed;
        boolean truncated = !terminated && steps >= config.maxSteps();
        running = !terminated && !truncated;
        reward += (allReached ? 1 : 0) - (anyStrayed ? 1 : 0);
        return new StepResult(observation(), reward, terminated, truncated,
                new StepInfo(allReached, allReached ? 1 : progress()));
    }

    private double progress() {
        double sum = 0;
        for (int i = 0; i < BALLS; i++) {
            sum += Math.max(0, 1 - lines[i].remainingPath(xs[i], ys[i]) / initialRemaining[i]);
        }
        return sum / BALLS;
    }

    @Override
    public Teacher expert() {
        return (observation, proposed) -> {
            double[] action = new double[2 * BALLS];
            for (int i = 0; i < BALLS; i++) {
                PixelLine l = lines[i];
                double px = observation.get(FEATURES * i) * PixelLine.POSITION_SCALE + l.endX();
                double py = observation.get(FEATURES * i + 1) * PixelLine.POSITION_SCALE + l.endY();
                double[] ball = l.teach(px, py, config.lookAhead(), config.teacherSpeed());
                action[2 * i] = ball[0];
                action[2 * i + 1] = ball[1];
            }
            return Action.ofDoubles(action);
        };
    }

    /** Minus the balls' summed remaining paths (px). */
    @Override
    public OptionalDouble value() {
        double sum = 0;
        for (int i = 0; i < BALLS; i++) {
            sum += lines[i].remainingPath(xs[i], ys[i]);
        }
        return OptionalDouble.of(-sum);
    }

    @Override
    public Optional<Snapshot> snapshot() {
        return Optional.of(new State(this));
    }

    @Override
    public void restore(Snapshot snapshot) {
        if (!(snapshot instanceof State s) || s.owner != this) {
            throw new IllegalArgumentException("not a snapshot of this environment: " + snapshot);
        }
        System.arraycopy(s.xs, 0, xs, 0, BALLS);
        System.arraycopy(s.ys, 0, ys, 0, BALLS);
        System.arraycopy(s.initialRemaining, 0, initialRemaining, 0, BALLS);
        steps = s.steps;
        started = s.started;
        running = s.running;
    }

    /** A copy of every field of the environment's state. */
    private static final class State implements Snapshot {
        private final TwoLineFollowingEnvironment owner;
        private final double[] xs;
        private final double[] ys;
        private final double[] initialRemaining;
        private final int steps;
        private final boolean started;
        private final boolean running;

        State(TwoLineFollowingEnvironment env) {
            owner = env;
            xs = env.xs.clone();
            ys = env.ys.clone();
            initialRemaining = env.initialRemaining.clone();
            steps = env.steps;
            started = env.started;
            running = env.running;
        }
    }

    /**
     * Both lines with corridors and goal circles, the numbered balls, and ball 1's action drawn 20× long
     * (a scene has one action frame).
     */
    @Override
    public Scene scene() {
        List<Shape> shapes = new ArrayList<>();
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < BALLS; i++) {
            PixelLine l = lines[i];
            shapes.addAll(l.shapes());
            shapes.add(new Circle(new Point(xs[i], ys[i]), 5, Tone.AGENT, true));
            shapes.add(new Text(new Point(xs[i] + 6, ys[i] + 6), Integer.toString(i + 1), Tone.TEXT));
            minX = Math.min(minX, Math.min(l.startX(), l.endX()));
            minY = Math.min(minY, Math.min(l.startY(), l.endY()));
            maxX = Math.max(maxX, Math.max(l.startX(), l.endX()));
            maxY = Math.max(maxY, Math.max(l.startY(), l.endY()));
        }
        return new Scene(minX - VIEW_MARGIN, minY - VIEW_MARGIN, maxX + VIEW_MARGIN, maxY + VIEW_MARGIN, shapes,
                Optional.of(new ActionFrame(new Point(xs[0], ys[0]), ARROW_ZOOM * config.pixelsPerAction(), 0, 1)));
    }

    private Observation observation() {
        double s = PixelLine.POSITION_SCALE;
        double[] o = new double[BALLS * FEATURES + 1];
        for (int i = 0; i < BALLS; i++) {
            PixelLine l = lines[i];
            int k = FEATURES * i;
            o[k] = (xs[i] - l.endX()) / s;
            o[k + 1] = (ys[i] - l.endY()) / s;
            o[k + 2] = (l.startX() - xs[i]) / s;
            o[k + 3] = (l.startY() - ys[i]) / s;
            o[k + 4] = (l.endX() - l.startX()) / s;
            o[k + 5] = (l.endY() - l.startY()) / s;
            o[k + 6] = l.distanceToLine(xs[i], ys[i]) / PixelLine.CORRIDOR;
        }
        o[BALLS * FEATURES] = (Math.hypot(xs[0] - xs[1], ys[0] - ys[1]) - startSpacing(lines)) / s;
        return Observation.ofDoubles(o);
    }
}
