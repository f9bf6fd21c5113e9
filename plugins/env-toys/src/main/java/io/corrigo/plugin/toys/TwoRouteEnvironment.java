package io.corrigo.plugin.toys;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.Scene;
import io.corrigo.api.env.Scene.ActionFrame;
import io.corrigo.api.env.Scene.Circle;
import io.corrigo.api.env.Scene.Point;
import io.corrigo.api.env.Scene.Polygon;
import io.corrigo.api.env.Scene.Tone;
import io.corrigo.api.env.Snapshot;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.env.StepResult;
import io.corrigo.api.env.Teacher;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * The two-route obstacle task (Corrigo's own, baselines.md §6): a point mass in {@code [-1, 1]²}
 * starts below a disc and must reach a goal above it, passing left or right. The expert commits to
 * the side of its start, which makes the demonstrations bimodal near {@code x = 0}.
 *
 * <p>Observation: the position {@code (x, y)}. The goal and the disc never move, so any further
 * feature (goal offset, clearance) would be a fixed function of it. Action: a velocity, clipped into
 * {@code [-1, 1]²} and then scaled down to norm 1; the position moves by {@code stepSize} times it and
 * stops at the arena's walls. Any motion segment that passes closer than {@code obstacleRadius} to
 * the centre enters the disc: the episode terminates as a failure (reward −1 on top). Coming closer
 * than {@code goalTolerance} to the goal terminates it as a success (reward +1 on top). Every step
 * also pays minus the distance to the goal. Progress is {@code 1 − distance/initial distance},
 * clipped to [0, 1], and 1 on success.
 *
 * <p>The teacher follows the robot's mode, as CLIC's Push-T teacher does: once the point is clearly
 * on the other side of the axis ({@code |x| >= 0.02}) than the episode's side, it passes the disc on
 * that side instead of steering back across in front of the disc. The expert driving on its own
 * never gets there, so it always keeps the episode's side.
 */
final class TwoRouteEnvironment implements Environment {

    private static final double GOAL_X = 0;
    private static final double GOAL_Y = 0.8;
    private static final double START_Y = -0.8;
    /** Starts closer than this to {@code x = 0} have no side: the expert draws one. */
    private static final double UNDECIDED_BAND = 0.02;
    private static final double WAYPOINT_X = 0.45;
    private static final double WAYPOINT_Y = 0;
    /** The expert heads for the goal once {@code y} reaches this, or near the waypoint. */
    private static final double SWITCH_Y = -0.02;
    private static final double WAYPOINT_TOLERANCE = 0.05;
    private static final double APPROACH_GAIN = 4;
    private static final Space ARENA = Space.cube(2, -1, 1);
    /** Drawn actions are this long (arena units) at unit speed: four steps of the default size. */
    private static final double ARROW_LENGTH = 0.2;

    private final TwoRouteConfig config;
    private double x;
    private double y;
    private int side;
    /** The side the point passed the disc on (+1 right, −1 left) once it reached the disc's height; 0 before. */
    private int passedSide;
    private double initialDistance;
    private boolean collided;
    private int steps;
    private boolean started;
    private boolean running;

    TwoRouteEnvironment(TwoRouteConfig config) {
        this.config = config;
    }

    @Override
    public Space observationSpace() {
        return ARENA;
    }

    @Override
    public Space actionSpace() {
        return ARENA;
    }

    @Override
    public int maxSteps() {
        return config.maxSteps();
    }

    @Override
    public Observation reset(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        x = config.startXSpread() * (2 * random.nextDouble() - 1);
        y = START_Y + config.startYSpread() * (2 * random.nextDouble() - 1);
        boolean coin = random.nextBoolean();
        if (Math.abs(x) < UNDECIDED_BAND) {
            side = coin ? 1 : -1;
        } else {
            side = x > 0 ? 1 : -1;
        }
        if (config.expertRoute() == TwoRouteConfig.Route.FARTHER) {
            side = -side;
        } else if (config.expertRoute() == TwoRouteConfig.Route.RANDOM) {
            side = random.nextBoolean() ? 1 : -1;
        }
        passedSide = 0;
        initialDistance = distanceToGoal();
        collided = false;
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
        Action v = ARENA.clip(action);
        double speed = v.norm();
        double scale = config.stepSize() / Math.max(1, speed);
        double nx = clampToArena(x + scale * v.get(0));
        double ny = clampToArena(y + scale * v.get(1));
        collided = segmentEntersDisc(x, y, nx, ny);
        if (passedSide == 0 && !collided && ny >= 0) {
            passedSide = nx < 0 ? -1 : 1;
        }
        x = nx;
        y = ny;
        steps++;
        double distance = distanceToGoal();
        boolean reached = !collided && distance < config.goalTolerance();
        boolean terminated = collided || reached;
        boolean truncated = !terminated && steps >= config.maxSteps();
        running = !terminated && !truncated;
        double reward = -distance + (reached ? 1 : 0) - (collided ? 1 : 0);
        double progress = reached ? 1 : 1 - Math.min(1, distance / initialDistance);
        return new StepResult(observation(), reward, terminated, truncated, new StepInfo(reached, progress, mode()));
    }

    /** Whether the segment from (ax, ay) to (bx, by) comes closer than the radius to the centre. */
    private boolean segmentEntersDisc(double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
        return Math.hypot(ax + t * dx, ay + t * dy) < config.obstacleRadius();
    }

    @Override
    public Teacher expert() {
        return (observation, proposed) -> expertAction(observation);
    }

    /**
     * The analytic expert of baselines.md §6: head for the waypoint {@code (side·0.45, 0)} until
     * {@code y >= -0.02} or within 0.05 of it, then for the goal, at speed {@code min(1, 4·distance)}.
     * The side is the sign of the start's {@code x} (privileged episode state), drawn from the reset
     * seed for starts within 0.02 of the axis, unless the point is clearly on the other side.
     */
    private Action expertAction(Observation observation) {
        if (!started) {
            throw new IllegalStateException("no episode has started; call reset(seed) first");
        }
        double px = observation.get(0);
        double py = observation.get(1);
        double wx = sideAt(px) * WAYPOINT_X;
        boolean towardsGoal = py >= SWITCH_Y || Math.hypot(wx - px, WAYPOINT_Y - py) < WAYPOINT_TOLERANCE;
        double dx = (towardsGoal ? GOAL_X : wx) - px;
        double dy = (towardsGoal ? GOAL_Y : WAYPOINT_Y) - py;
        double distance = Math.hypot(dx, dy);
        if (distance == 0) {
            return Action.zeros(2);
        }
        double speed = Math.min(1, APPROACH_GAIN * distance);
        return Action.ofDoubles(speed * dx / distance, speed * dy / distance);
    }

    /** The route taken so far: {@code left} or {@code right} once the point has passed the disc's centre height. */
    private String mode() {
        return passedSide == 0 ? "undecided" : passedSide < 0 ? "left" : "right";
    }

    /**
     * The side the teacher passes the disc on from {@code x}: the robot's, once clearly off the
     * episode's ({@code nearer}); always the episode's side ({@code farther}, {@code random}).
     */
    private int sideAt(double px) {
        if (config.expertRoute() != TwoRouteConfig.Route.NEARER) {
            return side;
        }
        boolean otherSide = Math.abs(px) >= UNDECIDED_BAND && Math.signum(px) != side;
        return otherSide ? -side : side;
    }

    /** The side the expert passes the disc on this episode: +1 right, −1 left. */
    int expertSide() {
        return side;
    }

    /** Minus the distance to the goal, and −1 more once the point has hit the disc. */
    @Override
    public OptionalDouble value() {
        return OptionalDouble.of(-distanceToGoal() - (collided ? 1 : 0));
    }

    @Override
    public Optional<Snapshot> snapshot() {
        return Optional.of(new State(this, x, y, side, passedSide, initialDistance, collided, steps, started,
                running));
    }

    @Override
    public void restore(Snapshot snapshot) {
        if (!(snapshot instanceof State s) || s.owner() != this) {
            throw new IllegalArgumentException("not a snapshot of this environment: " + snapshot);
        }
        x = s.x();
        y = s.y();
        side = s.side();
        passedSide = s.passedSide();
        initialDistance = s.initialDistance();
        collided = s.collided();
        steps = s.steps();
        started = s.started();
        running = s.running();
    }

    private record State(TwoRouteEnvironment owner, double x, double y, int side, int passedSide, double initialDistance,
                         boolean collided, int steps, boolean started, boolean running) implements Snapshot {
    }

    /** The arena, the disc, the goal circle and the point; actions drawn from the point, 0.2 per unit. */
    @Override
    public Scene scene() {
        return new Scene(-1, -1, 1, 1, List.of(
                new Polygon(List.of(new Point(-1, -1), new Point(1, -1), new Point(1, 1), new Point(-1, 1)),
                        Tone.WALL, false),
                new Circle(new Point(0, 0), config.obstacleRadius(), Tone.OBSTACLE, true),
                new Circle(new Point(GOAL_X, GOAL_Y), config.goalTolerance(), Tone.GOAL, false),
                new Circle(new Point(x, y), 0.03, Tone.AGENT, true)),
                Optional.of(new ActionFrame(new Point(x, y), ARROW_LENGTH, 0, 1)));
    }

    private double distanceToGoal() {
        return Math.hypot(GOAL_X - x, GOAL_Y - y);
    }

    private Observation observation() {
        return Observation.ofDoubles(x, y);
    }

    private static double clampToArena(double value) {
        return Math.max(-1, Math.min(1, value));
    }
}
