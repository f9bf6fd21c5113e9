package io.corrigo.plugin.oracle;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.env.StepResult;
import io.corrigo.api.env.Teacher;
import java.util.SplittableRandom;

/**
 * A small real environment for the simulator tests: a point in the box {@code [-1, 1]^n} moved by
 * velocity actions in {@code [-1, 1]^n}; the teacher pushes it back to the origin with
 * {@code a = -2p}, which leaves the action box far from the origin (so rescaling matters).
 */
final class BoxEnvironment implements Environment {

    private static final double SPEED = 0.1;
    private static final double GOAL = 0.05;

    private final Space space;
    private double[] position;
    private int steps;
    private boolean over = true;

    BoxEnvironment(int dimension) {
        this.space = Space.cube(dimension, -1, 1);
    }

    BoxEnvironment() {
        this(2);
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
