package ${package};

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.env.StepResult;
import io.corrigo.api.env.Teacher;
import java.util.SplittableRandom;

/**
 * A point on a line driven by a velocity command: {@code x <- clip(x + dt * u, -1, 1)} with
 * {@code u} in [-1, 1]. Each episode draws a start in [-1, 1] and a goal in [-0.5, 0.5] from the
 * reset seed; the observation is {@code (x, goal)}. The episode succeeds and terminates when
 * {@code |x - goal| < tolerance}, and is truncated after {@code maxSteps}. The scripted teacher
 * covers half the remaining distance each step.
 */
final class IntegratorEnvironment implements Environment {

    private static final Space OBSERVATIONS = Space.box(new float[] {-1, -0.5f}, new float[] {1, 0.5f});
    private static final Space ACTIONS = Space.cube(1, -1, 1);

    private final IntegratorConfig config;
    private double x;
    private double goal;
    private double startDistance;
    private int steps;
    private boolean over = true;

    IntegratorEnvironment(IntegratorConfig config) {
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
        goal = random.nextDouble(-0.5, 0.5);
        do {
            x = random.nextDouble(-1, 1);
        } while (Math.abs(x - goal) < 2 * config.tolerance());
        startDistance = Math.abs(x - goal);
        steps = 0;
        over = false;
        return observation();
    }

    @Override
    public StepResult step(Action action) {
        if (over) {
            throw new IllegalStateException("the episode is over: call reset before stepping again");
        }
        double u = Math.max(-1, Math.min(1, action.get(0)));
        x = Math.max(-1, Math.min(1, x + config.dt() * u));
        steps++;
        double distance = Math.abs(x - goal);
        boolean reached = distance < config.tolerance();
        boolean truncated = !reached && steps >= config.maxSteps();
        over = reached || truncated;
        double progress = Math.max(0, Math.min(1, 1 - distance / startDistance));
        return new StepResult(observation(), -distance, reached, truncated, new StepInfo(reached, reached ? 1 : progress));
    }

    @Override
    public Teacher expert() {
        return Teacher.of(o -> Action.ofDoubles(Math.max(-1, Math.min(1, 0.5 * (o.get(1) - o.get(0)) / config.dt()))));
    }

    private Observation observation() {
        return Observation.ofDoubles(x, goal);
    }
}
