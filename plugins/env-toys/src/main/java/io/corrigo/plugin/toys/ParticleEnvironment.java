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
import io.corrigo.api.env.Scene.Text;
import io.corrigo.api.env.Scene.Tone;
import io.corrigo.api.env.Snapshot;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.env.StepResult;
import io.corrigo.api.env.Teacher;
import io.corrigo.plugin.toys.ParticleConfig.GoalOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * The particle task of Implicit Behavioral Cloning (Florence et al., CoRL 2021, arXiv:2109.00137;
 * {@code ParticleEnv} and {@code ParticleOracle} in google-research/ibc). A point in {@code [0, 1]^N}
 * follows a PD controller towards the commanded set-point; it must visit goal 1, then go to goal 2
 * and still be there when the fixed horizon ends.
 *
 * <p>Observation {@code [position, velocity, goal 1, goal 2]} (4N); action: the set-point in
 * {@code [0, 1]^N}. A goal counts as visited when the particle is closer than {@code goalTolerance}
 * after a control step. Success is judged at the last step only: {@code FIXED} order needs goal 1
 * visited and the particle closer than the tolerance to goal 2; {@code RANDOM} order accepts either
 * goal visited and the particle then at the other one. Reward is 1 at a successful last step, else 0.
 * Progress is half for approaching the first goal and half for approaching the second after it.
 * The reset seed draws the start, goal 1 and goal 2 (each uniform in {@code [0, 1]^N}), then the
 * expert's goal order (used only with {@code RANDOM}).
 */
final class ParticleEnvironment implements Environment {

    private final ParticleConfig config;
    private final int n;
    private final Space observationSpace;
    private final Space actionSpace;
    private final double[] position;
    private final double[] velocity;
    private final double[] goal1;
    private final double[] goal2;
    private boolean visited1;
    private boolean visited2;
    /** The goal visited first (1 or 2), 0 before either: the episode's mode. */
    private int firstGoal;
    private boolean expertGoal1First;
    private int expertStepsAtFirstGoal;
    private double startToGoal1;
    private double startToGoal2;
    private int steps;
    private boolean started;
    private boolean running;

    ParticleEnvironment(ParticleConfig config) {
        this.config = config;
        this.n = config.dimensions();
        this.observationSpace = observationSpace(config);
        this.actionSpace = Space.cube(n, 0, 1);
        this.position = new double[n];
        this.velocity = new double[n];
        this.goal1 = new double[n];
        this.goal2 = new double[n];
    }

    private static Space observationSpace(ParticleConfig config) {
        ParticleReach reach = ParticleReach.of(config);
        int n = config.dimensions();
        float[] low = new float[4 * n];
        float[] high = new float[4 * n];
        Arrays.fill(low, 0, n, (float) reach.positionLow());
        Arrays.fill(high, 0, n, (float) reach.positionHigh());
        Arrays.fill(low, n, 2 * n, (float) -reach.speed());
        Arrays.fill(high, n, 2 * n, (float) reach.speed());
        Arrays.fill(high, 2 * n, 4 * n, 1f);
        return Space.box(low, high);
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
        fill(position, random);
        fill(goal1, random);
        fill(goal2, random);
        Arrays.fill(velocity, 0);
        boolean coin = random.nextBoolean();
        expertGoal1First = config.goalOrder() == GoalOrder.FIXED || coin;
        startToGoal1 = distance(position, goal1);
        startToGoal2 = distance(position, goal2);
        visited1 = false;
        visited2 = false;
        firstGoal = 0;
        expertStepsAtFirstGoal = 0;
        steps = 0;
        started = true;
        running = true;
        countExpertArrival();
        return observation();
    }

    @Override
    public StepResult step(Action action) {
        if (!running) {
            throw new IllegalStateException(started
                    ? "the episode is over (step " + steps + "); call reset(seed) first"
                    : "no episode has started; call reset(seed) first");
        }
        Action setPoint = actionSpace.clip(action);
        for (int k = 0; k < config.substeps(); k++) {
            integrate(setPoint);
        }
        steps++;
        visited1 |= distance(position, goal1) < config.goalTolerance();
        visited2 |= distance(position, goal2) < config.goalTolerance();
        if (firstGoal == 0 && (visited1 || visited2)) {
            firstGoal = visited1 ? 1 : 2;
        }
        countExpertArrival();
        boolean last = steps >= config.maxSteps();
        boolean success = last && solvedNow();
        running = !last;
        return new StepResult(observation(), success ? 1 : 0, false, last, new StepInfo(success, progress(),
                firstGoal == 0 ? "undecided" : "goal-" + firstGoal + "-first"));
    }

    private void integrate(Action setPoint) {
        double dt = config.timeStep();
        for (int i = 0; i < n; i++) {
            double force = config.positionGain() * (setPoint.get(i) - position[i])
                    - config.velocityGain() * velocity[i];
            position[i] += velocity[i] * dt;
            velocity[i] += force * dt;
        }
    }

    /** Whether the particle, now, ends a successful episode if the horizon ends here. */
    private boolean solvedNow() {
        boolean atGoal2 = distance(position, goal2) < config.goalTolerance();
        if (config.goalOrder() == GoalOrder.FIXED) {
            return visited1 && atGoal2;
        }
        boolean atGoal1 = distance(position, goal1) < config.goalTolerance();
        return (visited1 && atGoal2) || (visited2 && atGoal1);
    }

    private double progress() {
        if (solvedNow()) {
            return 1;
        }
        double forward = progress(visited1, goal1, startToGoal1, goal2);
        if (config.goalOrder() == GoalOrder.FIXED) {
            return forward;
        }
        return Math.max(forward, progress(visited2, goal2, startToGoal2, goal1));
    }

    private double progress(boolean visitedFirst, double[] first, double startToFirst, double[] second) {
        if (!visitedFirst) {
            return 0.5 * closeness(distance(position, first), startToFirst);
        }
        return 0.5 + 0.5 * closeness(distance(position, second), distance(first, second));
    }

    /** 1 at the target, 0 at or beyond the reference distance. */
    private double closeness(double distance, double reference) {
        double scale = Math.max(reference, config.goalTolerance());
        return 1 - Math.min(1, distance / scale);
    }

    @Override
    public Teacher expert() {
        return (observation, proposed) -> expertAction();
    }

    /**
     * IBC's oracle: the set-point is the first goal until the particle has been observed within
     * {@code expertGoalThreshold} of it {@code expertWaitSteps} times, then the second goal. The
     * count lives in the environment, so asking the expert twice about one state gives one answer.
     */
    private Action expertAction() {
        if (!started) {
            throw new IllegalStateException("no episode has started; call reset(seed) first");
        }
        boolean toFirst = expertStepsAtFirstGoal < config.expertWaitSteps();
        double[] target = toFirst == expertGoal1First ? goal1 : goal2;
        return Action.ofDoubles(target);
    }

    private void countExpertArrival() {
        double[] first = expertGoal1First ? goal1 : goal2;
        if (distance(position, first) < config.expertGoalThreshold()) {
            expertStepsAtFirstGoal++;
        }
    }

    private Observation observation() {
        double[] o = new double[4 * n];
        System.arraycopy(position, 0, o, 0, n);
        System.arraycopy(velocity, 0, o, n, n);
        System.arraycopy(goal1, 0, o, 2 * n, n);
        System.arraycopy(goal2, 0, o, 3 * n, n);
        return Observation.ofDoubles(o);
    }

    private static void fill(double[] target, SplittableRandom random) {
        for (int i = 0; i < target.length; i++) {
            target[i] = random.nextDouble();
        }
    }

    /**
     * Minus the path still to go: to the first goal and on to the second, or to the second once the
     * first was visited; the better order under {@code RANDOM}.
     */
    @Override
    public OptionalDouble value() {
        double forward = visited1 ? distance(position, goal2) : distance(position, goal1) + distance(goal1, goal2);
        if (config.goalOrder() == GoalOrder.FIXED) {
            return OptionalDouble.of(-forward);
        }
        double backward = visited2 ? distance(position, goal1) : distance(position, goal2) + distance(goal2, goal1);
        return OptionalDouble.of(-Math.min(forward, backward));
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
        System.arraycopy(s.position, 0, position, 0, n);
        System.arraycopy(s.velocity, 0, velocity, 0, n);
        System.arraycopy(s.goal1, 0, goal1, 0, n);
        System.arraycopy(s.goal2, 0, goal2, 0, n);
        visited1 = s.visited1;
        visited2 = s.visited2;
        firstGoal = s.firstGoal;
        expertGoal1First = s.expertGoal1First;
        expertStepsAtFirstGoal = s.expertStepsAtFirstGoal;
        startToGoal1 = s.startToGoal1;
        startToGoal2 = s.startToGoal2;
        steps = s.steps;
        started = s.started;
        running = s.running;
    }

    /** A copy of every field of the environment's state. */
    private static final class State implements Snapshot {
        private final ParticleEnvironment owner;
        private final double[] position;
        private final double[] velocity;
        private final double[] goal1;
        private final double[] goal2;
        private final boolean visited1;
        private final boolean visited2;
        private final int firstGoal;
        private final boolean expertGoal1First;
        private final int expertStepsAtFirstGoal;
        private final double startToGoal1;
        private final double startToGoal2;
        private final int steps;
        private final boolean started;
        private final boolean running;

        State(ParticleEnvironment env) {
            owner = env;
            position = env.position.clone();
            velocity = env.velocity.clone();
            goal1 = env.goal1.clone();
            goal2 = env.goal2.clone();
            visited1 = env.visited1;
            visited2 = env.visited2;
            firstGoal = env.firstGoal;
            expertGoal1First = env.expertGoal1First;
            expertStepsAtFirstGoal = env.expertStepsAtFirstGoal;
            startToGoal1 = env.startToGoal1;
            startToGoal2 = env.startToGoal2;
            steps = env.steps;
            started = env.started;
            running = env.running;
        }
    }

    /**
     * The unit square of the first two dimensions (the first dimension against a constant in 1-D),
     * the goals with their tolerance circles, and the particle. Actions are set-points, so they are
     * drawn from the origin at scale 1 and point at the commanded position.
     */
    @Override
    public Scene scene() {
        double goalY1 = n > 1 ? goal1[1] : 0.5;
        double goalY2 = n > 1 ? goal2[1] : 0.5;
        double particleY = n > 1 ? position[1] : 0.5;
        double tolerance = config.goalTolerance();
        List<Scene.Shape> shapes = List.of(
                new Polygon(List.of(new Point(0, 0), new Point(1, 0), new Point(1, 1), new Point(0, 1)),
                        Tone.WALL, false),
                new Circle(new Point(goal1[0], goalY1), tolerance, visited1 ? Tone.PATH : Tone.TARGET, false),
                new Text(new Point(goal1[0] + tolerance, goalY1 + tolerance), "1", Tone.TEXT),
                new Circle(new Point(goal2[0], goalY2), tolerance, Tone.GOAL, false),
                new Text(new Point(goal2[0] + tolerance, goalY2 + tolerance), "2", Tone.TEXT),
                new Circle(new Point(position[0], particleY), 0.015, Tone.AGENT, true));
        Optional<ActionFrame> frame = n > 1 ? Optional.of(new ActionFrame(new Point(0, 0), 1, 0, 1)) : Optional.empty();
        return new Scene(-0.05, -0.05, 1.05, 1.05, shapes, frame);
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
