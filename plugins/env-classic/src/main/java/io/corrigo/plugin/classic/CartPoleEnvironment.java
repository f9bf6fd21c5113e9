package io.corrigo.plugin.classic;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.Scene;
import io.corrigo.api.env.Scene.Point;
import io.corrigo.api.env.Scene.Polygon;
import io.corrigo.api.env.Scene.Segment;
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
 * Cart-pole with a continuous force: the equations of Gym's {@code CartPole} (after Barto, Sutton
 * and Anderson, IEEE Trans. SMC 1983), explicit Euler with step 0.02 s. The expert
 * of baselines.md §6 is the discrete LQR of the dynamics linearised at the upright rest, with
 * {@code Q = diag(1, 1, 10, 1)} and {@code R = 0.1}, clipped to the force limit.
 *
 * <p>Observation {@code (x, ẋ, θ, θ̇)}, {@code θ = 0} upright and positive when the pole leans to
 * {@code +x}. Action: a normalised force in {@code [-1, 1]}, scaled by {@code maxForce}. The episode
 * terminates as a failure when {@code |x| > 2.4} or {@code |θ| > 12°}, and is truncated with success
 * after {@code maxSteps}. Reward 1 per step (Gym's), progress the fraction of steps survived, value
 * minus the LQR cost-to-go {@code xᵀPx}.
 */
final class CartPoleEnvironment implements Environment {

    static final double POSITION_LIMIT = 2.4;
    static final double ANGLE_LIMIT = 12 * 2 * Math.PI / 360;
    private static final double GRAVITY = 9.8;
    private static final double CART_MASS = 1;
    private static final double POLE_MASS = 0.1;
    private static final double TOTAL_MASS = CART_MASS + POLE_MASS;
    private static final double HALF_LENGTH = 0.5;
    private static final double POLE_MASS_LENGTH = POLE_MASS * HALF_LENGTH;
    private static final double TIME_STEP = 0.02;
    /** LQR weights on {@code (x, ẋ, θ, θ̇)} and on the force. */
    private static final double[] STATE_WEIGHTS = {1, 1, 10, 1};
    private static final double FORCE_WEIGHT = 0.1;
    static final DiscreteLqr REGULATOR = regulator();
    private static final Space ACTIONS = Space.cube(1, -1, 1);
    private static final Space OBSERVATIONS = Space.box(
            new float[] {-4.8f, -5, -0.42f, -5}, new float[] {4.8f, 5, 0.42f, 5});
    private static final double CART_HALF_WIDTH = 0.25;
    private static final double CART_HEIGHT = 0.25;

    private final CartPoleConfig config;
    private final double[] state = new double[4];
    private int steps;
    private boolean started;
    private boolean running;

    CartPoleEnvironment(CartPoleConfig config) {
        this.config = config;
    }

    /**
     * The LQR of the Euler-discretised dynamics linearised at the upright rest:
     * {@code θ̈ = (gθ − F/M) / d}, {@code ẍ = F/M − (m l / M) θ̈} with {@code d = l (4/3 − m/M)}.
     */
    private static DiscreteLqr regulator() {
        double d = HALF_LENGTH * (4.0 / 3.0 - POLE_MASS / TOTAL_MASS);
        double angleOnAngle = GRAVITY / d;
        double forceOnAngle = -1 / (TOTAL_MASS * d);
        double angleOnCart = -POLE_MASS_LENGTH / TOTAL_MASS * angleOnAngle;
        double forceOnCart = 1 / TOTAL_MASS - POLE_MASS_LENGTH / TOTAL_MASS * forceOnAngle;
        double[][] a = {
                {1, TIME_STEP, 0, 0},
                {0, 1, TIME_STEP * angleOnCart, 0},
                {0, 0, 1, TIME_STEP},
                {0, 0, TIME_STEP * angleOnAngle, 1}};
        double[] b = {0, TIME_STEP * forceOnCart, 0, TIME_STEP * forceOnAngle};
        return DiscreteLqr.solve(a, b, STATE_WEIGHTS, FORCE_WEIGHT);
    }

    @Override
    public Space observationSpace() {
        return OBSERVATIONS;
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
        SplittableRandom random = new SplittableRandom(seed);
        double x = config.startPosition() * (2 * random.nextDouble() - 1);
        double xDot = config.startVelocity() * (2 * random.nextDouble() - 1);
        double theta = config.startAngle() * (2 * random.nextDouble() - 1);
        double thetaDot = config.startVelocity() * (2 * random.nextDouble() - 1);
        return start(x, xDot, theta, thetaDot);
    }

    /** Starts an episode in the given state, for tests of chosen starts. */
    Observation start(double x, double xDot, double theta, double thetaDot) {
        state[0] = x;
        state[1] = xDot;
        state[2] = theta;
        state[3] = thetaDot;
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
        integrate(config.maxForce() * ACTIONS.clip(action).get(0));
        steps++;
        boolean failed = Math.abs(state[0]) > POSITION_LIMIT || Math.abs(state[2]) > ANGLE_LIMIT;
        boolean truncated = !failed && steps >= config.maxSteps();
        running = !failed && !truncated;
        double progress = (double) steps / config.maxSteps();
        return new StepResult(observation(), 1, failed, truncated, new StepInfo(truncated, progress));
    }

    /** One explicit Euler step of Gym's cart-pole equations. */
    private void integrate(double force) {
        double cos = Math.cos(state[2]);
        double sin = Math.sin(state[2]);
        double temp = (force + POLE_MASS_LENGTH * state[3] * state[3] * sin) / TOTAL_MASS;
        double angular = (GRAVITY * sin - cos * temp)
                / (HALF_LENGTH * (4.0 / 3.0 - POLE_MASS * cos * cos / TOTAL_MASS));
        double linear = temp - POLE_MASS_LENGTH * angular * cos / TOTAL_MASS;
        state[0] += TIME_STEP * state[1];
        state[1] += TIME_STEP * linear;
        state[2] += TIME_STEP * state[3];
        state[3] += TIME_STEP * angular;
    }

    @Override
    public Teacher expert() {
        return (observation, proposed) -> {
            double force = REGULATOR.control(new double[] {
                    observation.get(0), observation.get(1), observation.get(2), observation.get(3)});
            return Action.ofDoubles(Math.max(-1, Math.min(1, force / config.maxForce())));
        };
    }

    @Override
    public OptionalDouble value() {
        return OptionalDouble.of(-REGULATOR.costToGo(state));
    }

    @Override
    public Optional<Snapshot> snapshot() {
        return Optional.of(new State(this, state.clone(), steps, started, running));
    }

    @Override
    public void restore(Snapshot snapshot) {
        if (!(snapshot instanceof State s) || s.owner() != this) {
            throw new IllegalArgumentException("not a snapshot of this environment: " + snapshot);
        }
        System.arraycopy(s.state(), 0, state, 0, state.length);
        steps = s.steps();
        started = s.started();
        running = s.running();
    }

    /** The track with its ends, the cart, the pole (length 1) and the allowed cone of the pole. */
    @Override
    public Scene scene() {
        double x = state[0];
        Point pivot = new Point(x, CART_HEIGHT);
        double pole = 2 * HALF_LENGTH;
        return new Scene(-2.8, -0.6, 2.8, 1.6, List.of(
                new Segment(new Point(-POSITION_LIMIT, 0), new Point(POSITION_LIMIT, 0), Tone.WALL),
                new Segment(new Point(-POSITION_LIMIT, -0.2), new Point(-POSITION_LIMIT, 0.4), Tone.WALL),
                new Segment(new Point(POSITION_LIMIT, -0.2), new Point(POSITION_LIMIT, 0.4), Tone.WALL),
                new Segment(pivot, tip(pivot, -ANGLE_LIMIT, pole), Tone.PATH),
                new Segment(pivot, tip(pivot, ANGLE_LIMIT, pole), Tone.PATH),
                new Polygon(List.of(new Point(x - CART_HALF_WIDTH, 0), new Point(x + CART_HALF_WIDTH, 0),
                        new Point(x + CART_HALF_WIDTH, CART_HEIGHT), new Point(x - CART_HALF_WIDTH, CART_HEIGHT)),
                        Tone.AGENT, true),
                new Segment(pivot, tip(pivot, state[2], pole), Tone.AGENT)), Optional.empty());
    }

    private static Point tip(Point pivot, double angle, double length) {
        return new Point(pivot.x() + length * Math.sin(angle), pivot.y() + length * Math.cos(angle));
    }

    private Observation observation() {
        return Observation.ofDoubles(state[0], state[1], state[2], state[3]);
    }

    private record State(CartPoleEnvironment owner, double[] state, int steps, boolean started, boolean running)
            implements Snapshot {
    }
}
