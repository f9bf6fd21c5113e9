package io.corrigo.plugin.oracle;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.ActionGroup;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.Snapshot;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.env.StepResult;
import io.corrigo.api.env.Teacher;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * A small real environment for the simulator tests: a point in the box {@code [-1, 1]^n} moved by
 * velocity actions in {@code [-1, 1]^n}; the teacher pushes it back to the origin with
 * {@code a = -2p}, which leaves the action box far from the origin (so rescaling matters). Its
 * value is minus the distance to the origin, and it supports snapshots; action groups are given.
 */
final class BoxEnvironment implements Environment {

    private static final double SPEED = 0.1;
    private static final double GOAL = 0.05;

    private final Space space;
    private final List<ActionGroup> groups;
    private final boolean lookahead;
    private double[] position;
    private int steps;
    private boolean over = true;

    /** An environment of {@code dimension} dimensions whose action groups are {@code groups}. */
    BoxEnvironment(int dimension, List<ActionGroup> groups) {
        this(dimension, groups, true);
    }

    private BoxEnvironment(int dimension, List<ActionGroup> groups, boolean lookahead) {
        this.space = Space.cube(dimension, -1, 1);
        this.groups = List.copyOf(groups);
        this.lookahead = lookahead;
    }

    BoxEnvironment(int dimension) {
        this(dimension, List.of(ActionGroup.all(dimension)));
    }

    /** A 2-D box without {@code value()} and snapshots. */
    static BoxEnvironment withoutLookahead() {
        return new BoxEnvironment(2, List.of(ActionGroup.all(2)), false);
    }

    BoxEnvironment() {
        this(2);
    }

    /** Four dimensions in two groups of two, like CLIC's two-ball task. */
    static BoxEnvironment twoBalls() {
        return new BoxEnvironment(4, List.of(new ActionGroup("ball-1", List.of(0, 1)),
                new ActionGroup("ball-2", List.of(2, 3))));
    }

    @Override
    public Space observationSpace() {
        return space;
    }

    @Override
    public Space actionSpace() {
        return space;
    }

    @Override
    public int maxSteps() {
        return 100;
    }

    @Override
    public Observation reset(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        position = new double[space.dimension()];
        for (int i = 0; i < position.length; i++) {
            position[i] = random.nextDouble(-1, 1);
        }
        steps = 0;
        over = false;
        return Observation.ofDoubles(position);
    }

    @Override
    public StepResult step(Action action) {
        if (over) {
            throw new IllegalStateException("the episode is over; reset first");
        }
        Action a = space.clip(action);
        double distance = 0;
        for (int i = 0; i < position.length; i++) {
            position[i] = Math.max(-1, Math.min(1, position[i] + SPEED * a.get(i)));
            distance += position[i] * position[i];
        }
        distance = Math.sqrt(distance);
        steps++;
        boolean success = distance < GOAL;
        boolean truncated = !success && steps >= maxSteps();
        over = success || truncated;
        double progress = Math.max(0, 1 - distance / Math.sqrt(position.length));
        return new StepResult(Observation.ofDoubles(position), -distance, success, truncated,
                new StepInfo(success, success ? 1 : progress));
    }

    @Override
    public List<ActionGroup> actionGroups() {
        return groups;
    }

    @Override
    public OptionalDouble value() {
        return lookahead && position != null ? OptionalDouble.of(-distance()) : OptionalDouble.empty();
    }

    @Override
    public Optional<Snapshot> snapshot() {
        return lookahead && position != null ? Optional.of(new State(position.clone(), steps, over)) : Optional.empty();
    }

    @Override
    public void restore(Snapshot snapshot) {
        State s = (State) snapshot;
        position = s.position().clone();
        steps = s.steps();
        over = s.over();
    }

    /** The position, for tests. */
    double[] position() {
        return position.clone();
    }

    private double distance() {
        double sum = 0;
        for (double p : position) {
            sum += p * p;
        }
        return Math.sqrt(sum);
    }

    private record State(double[] position, int steps, boolean over) implements Snapshot {
    }

    @Override
    public Teacher expert() {
        return (observation, proposed) -> Action.ofDoubles(teacher(observation));
    }

    private static double[] teacher(Observation observation) {
        double[] a = new double[observation.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = -2.0 * observation.get(i);
        }
        return a;
    }
}
