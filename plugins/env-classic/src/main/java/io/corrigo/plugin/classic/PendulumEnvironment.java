package io.corrigo.plugin.classic;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.Scene;
import io.corrigo.api.env.Scene.Circle;
import io.corrigo.api.env.Scene.Point;
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
 * Pendulum swing-up with Gym's {@code Pendulum-v1} dynamics: {@code θ̈ = 15 sin θ + 3u} with
 * {@code θ = 0} upright, semi-implicit Euler with step 0.05 s, speed clipped to ±8 rad/s. The
 * expert of baselines.md §6 pumps energy (Åström and Furuta, Automatica 2000) and catches the
 * pendulum near the top with a linear state feedback.
 *
 * <p>Observation {@code (cos θ, sin θ, θ̇)}. Action: a normalised torque in {@code [-1, 1]},
 * scaled by {@code maxTorque}. Reward: minus Gym's cost {@code θ² + 0.1θ̇² + 0.001u²} of the state
 * before the step. Episodes never terminate; they are truncated after {@code maxSteps}. A step
 * reports success when the pendulum has been upright ({@code |θ| < uprightAngle}) after each of the
 * last {@code holdSteps} steps, so the last step's flag is the spec's criterion "upright for the
 * last 50 steps", and an episode with any successful step held it that long at some point. Progress
 * is half for the angle ({@code 1 − |θ|/π}) and half for the upright streak, 1 on success. The value
 * is minus the gap to the energy of rest at the top.
 */
final class PendulumEnvironment implements Environment {

    static final double MAX_SPEED = 8;
    private static final double TIME_STEP = 0.05;
    /** {@code 3g/(2l)} with Gym's g = 10, l = 1. */
    private static final double GRAVITY_GAIN = 15;
    /** {@code 3/(ml²)} with Gym's m = 1, l = 1. */
    private static final double TORQUE_GAIN = 3;
    /** Energy {@code θ̇²/6 + 5 cos θ} (in units of ml²/3) of rest at the top. */
    private static final double TOP_ENERGY = 5;
    private static final double CATCH_ANGLE = 0.35;
    private static final double CATCH_SPEED = 4;
    private static final double CATCH_ANGLE_GAIN = 10;
    private static final double CATCH_SPEED_GAIN = 2;
    private static final double RESTING_SPEED = 1e-3;
    private static final Space ACTIONS = Space.cube(1, -1, 1);
    private static final Space OBSERVATIONS =
            Space.box(new float[] {-1, -1, (float) -MAX_SPEED}, new float[] {1, 1, (float) MAX_SPEED});

    private final PendulumConfig config;
    private double theta;
    private double speed;
    private int uprightStreak;
    private int steps;
    private boolean started;
    private boolean running;

    PendulumEnvironment(PendulumConfig config) {
        this.config = config;
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
        theta = config.startAngle() * (2 * random.nextDouble() - 1);
        speed = config.startSpeed() * (2 * random.nextDouble() - 1);
        uprightStreak = 0;
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
        double torque = config.maxTorque() * ACTIONS.clip(action).get(0);
        double cost = theta * theta + 0.1 * speed * speed + 0.001 * torque * torque;
        speed = clip(speed + (GRAVITY_GAIN * Math.sin(theta) + TORQUE_GAIN * torque) * TIME_STEP, MAX_SPEED);
        theta = Angles.wrap(theta + speed * TIME_STEP);
        steps++;
        uprightStreak = Math.abs(theta) < config.uprightAngle() ? uprightStreak + 1 : 0;
        boolean success = uprightStreak >= config.holdSteps();
        boolean truncated = steps >= config.maxSteps();
        running = !truncated;
        double progress = success ? 1
                : 0.5 * (1 - Math.abs(theta) / Math.PI) + 0.5 * uprightStreak / config.holdSteps();
        return new StepResult(observation(), -cost, false, truncated, new StepInfo(success, progress));
    }

    @Override
    public Teacher expert() {
        return (observation, proposed) -> Action.ofDoubles(expertTorque(observation) / config.maxTorque());
    }

    /**
     * The torque of baselines.md §6: inside the catch region ({@code |θ| < 0.35}, {@code |θ̇| < 4})
     * {@code −(10θ + 2θ̇)}; elsewhere full torque along {@code θ̇} while the energy is below the top's
     * and against it above (full positive torque from rest).
     */
    private double expertTorque(Observation observation) {
        double angle = Math.atan2(observation.get(1), observation.get(0));
        double velocity = observation.get(2);
        double torque;
        if (Math.abs(angle) < CATCH_ANGLE && Math.abs(velocity) < CATCH_SPEED) {
            torque = -(CATCH_ANGLE_GAIN * angle + CATCH_SPEED_GAIN * velocity);
        } else if (Math.abs(velocity) < RESTING_SPEED) {
            torque = config.maxTorque();
        } else {
            torque = config.maxTorque() * Math.signum(velocity * (TOP_ENERGY - energy(angle, velocity)));
        }
        return clip(torque, config.maxTorque());
    }

    private static double energy(double angle, double velocity) {
        return velocity * velocity / 6 + TOP_ENERGY * Math.cos(angle);
    }

    /** Minus the gap between the energy and that of rest at the top (0 on the homoclinic orbit). */
    @Override
    public OptionalDouble value() {
        return OptionalDouble.of(-Math.abs(TOP_ENERGY - energy(theta, speed)));
    }

    @Override
    public Optional<Snapshot> snapshot() {
        return Optional.of(new State(this, theta, speed, uprightStreak, steps, started, running));
    }

    @Override
    public void restore(Snapshot snapshot) {
        if (!(snapshot instanceof State s) || s.owner() != this) {
            throw new IllegalArgumentException("not a snapshot of this environment: " + snapshot);
        }
        theta = s.theta();
        speed = s.speed();
        uprightStreak = s.uprightStreak();
        steps = s.steps();
        started = s.started();
        running = s.running();
    }

    /** A rod of length 1 from the pivot; positive θ turns it counter-clockwise from upright. */
    @Override
    public Scene scene() {
        Point pivot = new Point(0, 0);
        Point bob = new Point(-Math.sin(theta), Math.cos(theta));
        return new Scene(-1.3, -1.3, 1.3, 1.3, List.of(
                new Circle(new Point(0, 1), 0.12, Tone.GOAL, false),
                new Segment(pivot, bob, Tone.AGENT),
                new Circle(bob, 0.08, Tone.AGENT, true),
                new Circle(pivot, 0.03, Tone.WALL, true)), Optional.empty());
    }

    private Observation observation() {
        return Observation.ofDoubles(Math.cos(theta), Math.sin(theta), speed);
    }

    private static double clip(double value, double bound) {
        return Math.max(-bound, Math.min(bound, value));
    }

    private record State(PendulumEnvironment owner, double theta, double speed, int uprightStreak, int steps,
                         boolean started, boolean running) implements Snapshot {
    }
}
