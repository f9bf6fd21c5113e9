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
import io.corrigo.plugin.classic.ReacherConfig.ExpertMode;
import io.corrigo.plugin.classic.TwoLinkArm.Elbow;
import io.corrigo.plugin.classic.TwoLinkArm.Joints;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * A kinematic planar two-link reacher (baselines.md §6; the arm of Gym's {@code Reacher} without
 * its dynamics): joint velocities integrate directly, {@code q += 0.05·ω}. The expert solves the
 * inverse kinematics in closed form, which has two solutions (elbow up and elbow down), and drives
 * the joints to one with {@code ω = clip(10·wrap(q* − q), ±maxJointSpeed)}. In {@code nearest} mode
 * it picks the solution nearest to the current configuration, so it follows the arm's mode.
 *
 * <p>Observation {@code (cos q1, sin q1, cos q2, sin q2, target x, target y, fingertip x − target x,
 * fingertip y − target y)}: angles as cosine and sine so that no input jumps at ±π. Action:
 * normalised joint velocities in {@code [-1, 1]²}, scaled by {@code maxJointSpeed}. Coming within
 * {@code successTolerance} of the target terminates the episode with success; otherwise it is
 * truncated after {@code maxSteps}. Reward and value: minus the fingertip's distance to the target.
 * Progress {@code 1 − distance/initial distance}, clipped to [0, 1], and 1 on success. The reset
 * seed draws both joint angles uniformly in [-π, π), then the target's distance and direction.
 */
final class ReacherEnvironment implements Environment {

    private static final double TIME_STEP = 0.05;
    private static final double EXPERT_GAIN = 10;
    private static final Space ACTIONS = Space.cube(2, -1, 1);

    private final ReacherConfig config;
    private final Space observationSpace;
    private Joints joints = new Joints(0, 0);
    private double targetX;
    private double targetY;
    private double initialDistance;
    /** The elbow the {@code random} expert drives to this episode. */
    private Elbow episodeElbow = Elbow.UP;
    private int steps;
    private boolean started;
    private boolean running;

    ReacherEnvironment(ReacherConfig config) {
        this.config = config;
        float target = (float) config.maxTargetRadius();
        float offset = (float) (TwoLinkArm.REACH + config.maxTargetRadius());
        this.observationSpace = Space.box(
                new float[] {-1, -1, -1, -1, -target, -target, -offset, -offset},
                new float[] {1, 1, 1, 1, target, target, offset, offset});
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
        SplittableRandom random = new SplittableRandom(seed);
        Joints q = new Joints(uniformAngle(random), uniformAngle(random));
        double radius = config.minTargetRadius()
                + (config.maxTargetRadius() - config.minTargetRadius()) * random.nextDouble();
        double direction = uniformAngle(random);
        Observation first = start(q, radius * Math.cos(direction), radius * Math.sin(direction));
        if (config.expertMode() == ReacherConfig.ExpertMode.RANDOM) {
            episodeElbow = random.nextBoolean() ? Elbow.UP : Elbow.DOWN;
        }
        return first;
    }

    /** Starts an episode with the arm at {@code q} and the target at {@code (x, y)}, for tests. */
    Observation start(Joints q, double x, double y) {
        joints = q;
        targetX = x;
        targetY = y;
        initialDistance = distance();
        steps = 0;
        started = true;
        running = true;
        return observation();
    }

    private static double uniformAngle(SplittableRandom random) {
        return Math.PI * (2 * random.nextDouble() - 1);
    }

    @Override
    public StepResult step(Action action) {
        if (!running) {
            throw new IllegalStateException(started
                    ? "the episode is over (step " + steps + "); call reset(seed) first"
                    : "no episode has started; call reset(seed) first");
        }
        joints = advance(joints, ACTIONS.clip(action));
        steps++;
        double distance = distance();
        boolean reached = distance < config.successTolerance();
        boolean truncated = !reached && steps >= config.maxSteps();
        running = !reached && !truncated;
        double progress = reached ? 1
                : 1 - Math.min(1, distance / Math.max(initialDistance, config.successTolerance()));
        return new StepResult(observation(), -distance, reached, truncated, new StepInfo(reached, progress, mode()));
    }

    /** Where a clipped normalised action moves the joints in one step. */
    private Joints advance(Joints q, Action clipped) {
        double scale = TIME_STEP * config.maxJointSpeed();
        return new Joints(Angles.wrap(q.shoulder() + scale * clipped.get(0)),
                Angles.wrap(q.elbow() + scale * clipped.get(1)));
    }

    @Override
    public Teacher expert() {
        return Teacher.of(this::expertAction);
    }

    /** The joint-space P controller towards the inverse-kinematics solution of the expert's mode. */
    private Action expertAction(Observation observation) {
        Joints q = new Joints(Math.atan2(observation.get(1), observation.get(0)),
                Math.atan2(observation.get(3), observation.get(2)));
        Joints goal = switch (config.expertMode()) {
            case ELBOW_UP -> TwoLinkArm.inverse(observation.get(4), observation.get(5), Elbow.UP);
            case ELBOW_DOWN -> TwoLinkArm.inverse(observation.get(4), observation.get(5), Elbow.DOWN);
            case NEAREST -> nearestSolution(observation.get(4), observation.get(5), q);
            case RANDOM -> TwoLinkArm.inverse(observation.get(4), observation.get(5), episodeElbow);
        };
        double gain = EXPERT_GAIN / config.maxJointSpeed();
        return Action.ofDoubles(clipUnit(gain * Angles.wrap(goal.shoulder() - q.shoulder())),
                clipUnit(gain * Angles.wrap(goal.elbow() - q.elbow())));
    }

    /**
     * The solution the arm reaches soonest (ties: elbow up). Along the expert's own path the chosen
     * solution's lead never shrinks, since each step shortens the largest joint error by the
     * largest joint move, so the expert never switches modes mid-episode.
     */
    private static Joints nearestSolution(double x, double y, Joints from) {
        Joints up = TwoLinkArm.inverse(x, y, Elbow.UP);
        Joints down = TwoLinkArm.inverse(x, y, Elbow.DOWN);
        return from.distanceTo(up) <= from.distanceTo(down) ? up : down;
    }

    private static double clipUnit(double value) {
        return Math.max(-1, Math.min(1, value));
    }

    @Override
    public OptionalDouble value() {
        return OptionalDouble.of(-distance());
    }

    @Override
    public Optional<Snapshot> snapshot() {
        return Optional.of(new State(this, joints, targetX, targetY, initialDistance, episodeElbow, steps, started,
                running));
    }

    @Override
    public void restore(Snapshot snapshot) {
        if (!(snapshot instanceof State s) || s.owner() != this) {
            throw new IllegalArgumentException("not a snapshot of this environment: " + snapshot);
        }
        joints = s.joints();
        targetX = s.targetX();
        targetY = s.targetY();
        initialDistance = s.initialDistance();
        episodeElbow = s.episodeElbow();
        steps = s.steps();
        started = s.started();
        running = s.running();
    }

    /** The reachable disc, the target's success circle, the links and the fingertip. */
    @Override
    public Scene scene() {
        Point base = new Point(0, 0);
        Point elbow = new Point(TwoLinkArm.elbowX(joints), TwoLinkArm.elbowY(joints));
        Point tip = new Point(TwoLinkArm.tipX(joints), TwoLinkArm.tipY(joints));
        double view = TwoLinkArm.REACH + 0.03;
        return new Scene(-view, -view, view, view, List.of(
                new Circle(base, TwoLinkArm.REACH, Tone.WALL, false),
                new Circle(new Point(targetX, targetY), config.successTolerance(), Tone.TARGET, false),
                new Segment(base, elbow, Tone.AGENT),
                new Segment(elbow, tip, Tone.AGENT),
                new Circle(base, 0.006, Tone.WALL, true),
                new Circle(elbow, 0.005, Tone.AGENT, true),
                new Circle(tip, 0.004, Tone.AGENT, true)), Optional.empty());
    }

    /** The arm's current elbow as the episode's mode ({@code elbow-up}: q2 &lt; 0, {@code elbow-down}: q2 &gt; 0). */
    private String mode() {
        int sign = elbowSign();
        return sign < 0 ? "elbow-up" : sign > 0 ? "elbow-down" : "straight";
    }

    /** The current elbow-sign of the arm, for mode-consistency checks: +1 down, −1 up, 0 straight. */
    int elbowSign() {
        return (int) Math.signum(joints.elbow());
    }

    private double distance() {
        return Math.hypot(TwoLinkArm.tipX(joints) - targetX, TwoLinkArm.tipY(joints) - targetY);
    }

    private Observation observation() {
        double tipX = TwoLinkArm.tipX(joints);
        double tipY = TwoLinkArm.tipY(joints);
        return Observation.ofDoubles(Math.cos(joints.shoulder()), Math.sin(joints.shoulder()),
                Math.cos(joints.elbow()), Math.sin(joints.elbow()), targetX, targetY, tipX - targetX, tipY - targetY);
    }

    private record State(ReacherEnvironment owner, Joints joints, double targetX, double targetY,
                         double initialDistance, Elbow episodeElbow, int steps, boolean started, boolean running)
            implements Snapshot {
    }
}
