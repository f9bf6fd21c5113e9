package io.corrigo.plugin.pusht;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.Scene;
import io.corrigo.api.env.Snapshot;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.env.StepResult;
import io.corrigo.api.env.Teacher;
import io.corrigo.plugin.pusht.PushTConfig.ActionMode;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Push-T (Florence et al. 2021; Chi et al., Diffusion Policy, RSS 2023, arXiv:2303.04137; gym-pusht)
 * as CLIC (Li et al., arXiv:2502.07645) uses it: a disc agent pushes a T-shaped block onto a fixed
 * goal pose in a 512 × 512 px box. Physics in {@link PushTWorld}; control at 10 Hz, each action held
 * over 10 substeps.
 *
 * <p>Reset (baselines.md §5.3, with Java's generator): agent at integers in {@code [50, 450)²}, block
 * origin at integers in {@code [100, 400)²}, block angle uniform in {@code [-π, π)}; starts where the
 * agent overlaps the T are redrawn; a block that overlaps a wall is pushed out by the walls before the
 * first observation. Coverage is the exact area of block ∩ goal over the goal's area. Reward and
 * progress are {@code min(1, coverage / successThreshold)}; coverage above the threshold terminates the
 * episode as a success. Relative targets are clipped into the workspace, so the agent stays in
 * {@code [0, 512]²} up to PD overshoot. The value is minus the pose error in pixels,
 * {@code |Δcog| + 60·|Δθ|}. The expert is {@link PushTTeacher}.
 */
final class PushTEnvironment implements Environment {

    static final double WORKSPACE = 512;
    private static final double HALF = WORKSPACE / 2;
    private static final int SETTLE_SUBSTEPS = 30;

    private final PushTConfig config;
    private final PushTWorld world;
    private final PushTTeacher teacher;
    private final Space actionSpace = Space.cube(2, -1, 1);
    private final Space observationSpace;
    private float[] previous;
    private int steps;
    private boolean started;
    private boolean running;

    PushTEnvironment(PushTConfig config) {
        this.config = config;
        this.world = new PushTWorld(PushTWorld.State.of(256, 400, TBlock.GOAL.shifted(0, -150)));
        this.teacher = new PushTTeacher(world, TBlock.GOAL);
        this.observationSpace = PushTObservation.space(config.observation());
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    @Override
    public int maxSteps() {
        return config.maxSteps();
    }

    @Override
    public Observation reset(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        do {
            double ax = 50 + random.nextInt(400);
            double ay = 50 + random.nextInt(400);
            Pose block = new Pose(100 + random.nextInt(300), 100 + random.nextInt(300),
                    -Math.PI + 2 * Math.PI * random.nextDouble());
            world.seat(PushTWorld.State.of(ax, ay, block));
            if (overlapsWalls(block)) {
                world.settle(SETTLE_SUBSTEPS);
                world.seat(world.state());
            }
        } while (agentOverlapsBlock());
        teacher.restore(PushTTeacher.Memory.NONE);
        steps = 0;
        started = true;
        running = true;
        previous = features();
        return observation(previous);
    }

    @Override
    public StepResult step(Action action) {
        if (!running) {
            throw new IllegalStateException(started
                    ? "the episode is over (step " + steps + "); call reset(seed) first"
                    : "no episode has started; call reset(seed) first");
        }
        Action a = actionSpace.clip(action);
        world.advance(targetX(a), targetY(a));
        steps++;
        double coverage = coverage();
        boolean success = coverage > config.successThreshold();
        boolean truncated = !success && steps >= config.maxSteps();
        running = !success && !truncated;
        float[] current = features();
        Observation o = observation(current);
        previous = current;
        double progress = Math.min(1, coverage / config.successThreshold());
        return new StepResult(o, progress, success, truncated, new StepInfo(success, progress));
    }

    @Override
    public Teacher expert() {
        return this::expertAction;
    }

    /**
     * The teacher's target as an action of the configured mode; when the teacher has an equally good
     * route around the other side of the T, the one closer to the robot's proposal.
     */
    private Action expertAction(Observation observation, Action proposed) {
        requireStarted();
        PushTTeacher.Decision decision = teacher.decision(steps);
        Action primary = action(decision);
        if (decision.alternative().isEmpty() || proposed == null || proposed.size() != primary.size()) {
            return primary;
        }
        Action other = action(decision.alternative().get());
        return other.distanceTo(proposed) < primary.distanceTo(proposed) ? other : primary;
    }

    private Action action(PushTTeacher.Decision target) {
        if (config.actionMode() == ActionMode.ABSOLUTE) {
            return actionSpace.clip(Action.ofDoubles((target.x() - HALF) / HALF, (target.y() - HALF) / HALF));
        }
        double ax = (target.x() - world.agentX()) / config.relativeScale();
        double ay = (target.y() - world.agentY()) / config.relativeScale();
        double scale = Math.max(1, Math.max(Math.abs(ax), Math.abs(ay)));
        return Action.ofDoubles(ax / scale, ay / scale);
    }

    @Override
    public Optional<Snapshot> snapshot() {
        requireStarted();
        PushTWorld.State state = world.state();
        world.seat(state);
        return Optional.of(new Saved(this, state, steps, running, previous, teacher.memory()));
    }

    @Override
    public void restore(Snapshot snapshot) {
        if (!(snapshot instanceof Saved s) || s.owner != this) {
            throw new IllegalArgumentException("not a snapshot of this environment: " + snapshot);
        }
        world.seat(s.state);
        steps = s.steps;
        running = s.running;
        previous = s.previous.clone();
        teacher.restore(s.memory);
    }

    @Override
    public OptionalDouble value() {
        if (!started) {
            return OptionalDouble.empty();
        }
        Pose b = world.blockPose();
        Pose g = TBlock.GOAL;
        double position = Math.hypot(g.worldX(0, TBlock.COG_Y) - b.worldX(0, TBlock.COG_Y),
                g.worldY(0, TBlock.COG_Y) - b.worldY(0, TBlock.COG_Y));
        return OptionalDouble.of(-(position + PushTTeacher.ANGLE_WEIGHT * Math.abs(Pose.wrap(g.angle() - b.angle()))));
    }

    @Override
    public Scene scene() {
        if (!started) {
            return Scene.EMPTY;
        }
        return PushTScene.of(world.blockPose(), world.agentX(), world.agentY(), coverage(), config);
    }

    /** The current coverage of the goal T. */
    double coverage() {
        return TBlock.coverage(world.blockPose(), TBlock.GOAL);
    }

    /** The physics, for tests and the benchmark. */
    PushTWorld world() {
        return world;
    }

    /** The teacher, for tests. */
    PushTTeacher teacher() {
        return teacher;
    }

    private double targetX(Action a) {
        double t = config.actionMode() == ActionMode.ABSOLUTE ? HALF + HALF * a.get(0)
                : world.agentX() + config.relativeScale() * a.get(0);
        return Math.max(0, Math.min(WORKSPACE, t));
    }

    private double targetY(Action a) {
        double t = config.actionMode() == ActionMode.ABSOLUTE ? HALF + HALF * a.get(1)
                : world.agentY() + config.relativeScale() * a.get(1);
        return Math.max(0, Math.min(WORKSPACE, t));
    }

    private boolean agentOverlapsBlock() {
        Pose b = world.blockPose();
        double c = Math.cos(b.angle());
        double s = Math.sin(b.angle());
        double dx = world.agentX() - b.x();
        double dy = world.agentY() - b.y();
        return TBlock.distance(c * dx + s * dy, -s * dx + c * dy) < PushTWorld.AGENT_RADIUS;
    }

    private static boolean overlapsWalls(Pose block) {
        double[] outline = TBlock.outline(block);
        for (double v : outline) {
            if (v < PushTWorld.WALL_LOW || v > PushTWorld.WALL_HIGH) {
                return true;
            }
        }
        return false;
    }

    private float[] features() {
        return PushTObservation.features(world.agentX(), world.agentY(), world.blockPose(), TBlock.GOAL);
    }

    private Observation observation(float[] current) {
        return PushTObservation.observation(config.observation(), previous, current);
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("no episode has started; call reset(seed) first");
        }
    }

    /** A saved state: the exact body states, the step count, the previous frame and the teacher's memory. */
    private static final class Saved implements Snapshot {
        private final PushTEnvironment owner;
        private final PushTWorld.State state;
        private final int steps;
        private final boolean running;
        private final float[] previous;
        private final PushTTeacher.Memory memory;

        Saved(PushTEnvironment owner, PushTWorld.State state, int steps, boolean running, float[] previous,
              PushTTeacher.Memory memory) {
            this.owner = owner;
            this.state = state;
            this.steps = steps;
            this.running = running;
            this.previous = previous.clone();
            this.memory = memory;
        }

        @Override
        public String toString() {
            return "Push-T snapshot at step " + steps;
        }
    }
}
