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
 * A test environment whose expert's success degrades smoothly with noise: a point walks along a
 * corridor {@code |y| <= 0.1} from {@code x = 0} to {@code x = 1} with velocity actions in
 * {@code [-1, 1]²} (step 0.05); leaving the corridor ends the episode as a failure. The expert
 * walks forward at full speed and steers back with {@code a_y = −4y}, so its lateral error decays
 * by 0.8 per step and a noise σ per step leaves a spread of about {@code 0.083σ}.
 */
final class CorridorEnvironment implements Environment {

    private static final double STEP = 0.05;
    private static final Space ACTIONS = Space.cube(2, -1, 1);
    private static final Space OBSERVATIONS = Space.box(new float[] {-1, -1}, new float[] {2, 1});

    private final double halfWidth;
    private final double startSpread;
    private double x;
    private double y;
    private int steps;
    private boolean over = true;

    /** A corridor of half-width 0.1. */
    CorridorEnvironment() {
        this(0.1);
    }

    /** A corridor of the given half-width (0.01 makes even the clean expert fail often; 1 or more never fails). */
    CorridorEnvironment(double halfWidth) {
        this(halfWidth, 0.02);
    }

    /** A corridor whose starts lie within {@code ±startSpread} of the axis (0: every episode starts alike). */
    CorridorEnvironment(double halfWidth, double startSpread) {
        this.halfWidth = halfWidth;
        this.startSpread = startSpread;
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
        return 100;
    }

    @Override
    public Observation reset(long seed) {
        x = 0;
        y = startSpread == 0 ? 0 : new SplittableRandom(seed).nextDouble(-startSpread, startSpread);
        steps = 0;
        over = false;
        return Observation.ofDoubles(x, y);
    }

    @Override
    public StepResult step(Action action) {
        if (over) {
            throw new IllegalStateException("the episode is over; reset first");
        }
        Action a = ACTIONS.clip(action);
        x = Math.max(-1, Math.min(2, x + STEP * a.get(0)));
        y = Math.max(-1, Math.min(1, y + STEP * a.get(1)));
        steps++;
        boolean success = x >= 1 && Math.abs(y) <= halfWidth;
        boolean failure = Math.abs(y) > halfWidth;
        boolean truncated = !success && !failure && steps >= maxSteps();
        over = success || failure || truncated;
        return new StepResult(Observation.ofDoubles(x, y), success ? 1 : 0, success || failure, truncated,
                new StepInfo(success, success ? 1 : Math.max(0, Math.min(1, x))));
    }

    @Override
    public Teacher expert() {
        return (observation, proposed) -> Action.ofDoubles(1, Math.max(-1, Math.min(1, -4 * observation.get(1))));
    }
}
