package io.corrigo.plugin.toys;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.DesiredActionStates;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.Scene;
import io.corrigo.api.env.Scene.ActionFrame;
import io.corrigo.api.env.Scene.Circle;
import io.corrigo.api.env.Scene.Point;
import io.corrigo.api.env.Scene.Polygon;
import io.corrigo.api.env.Scene.Shape;
import io.corrigo.api.env.Scene.Text;
import io.corrigo.api.env.Scene.Tone;
import io.corrigo.api.env.Snapshot;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.env.StepResult;
import io.corrigo.api.env.Teacher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * The desired-action toys of CLIC (Li et al., arXiv:2502.07645; {@code env/DesiredActionSpace_ToyEnv}
 * in clic-webpage/CLIC; clic.md §8.2): ten states that all share one desired set of 2-D actions.
 *
 * <p>Observation: {@code 0.1} times the one-hot vector of a state index that advances by one (mod 10)
 * every step; the reset seed draws the first index ({@code reset: original}: index 0, then 0 again
 * after the first step, as the repository). Action: a
 * point of {@code [-1, 1]²}. Reward +1 if the clipped action is in the set, else −1. Episodes only
 * end by truncation after {@code maxSteps}; progress is the in-set rate so far and the last step
 * succeeds if that rate reaches {@code successInSetRate} (the repository never sets success).
 *
 * <p>The teacher clips the proposal into the action box, asks the set, and returns the proposal
 * itself whenever the answer (rounded to floats) is not in the set. The ball's label noise comes
 * from a generator seeded by the reset seed and the step count, so a restored snapshot hears the
 * same labels and asking twice within a step gives one answer.
 */
final class DesiredActionEnvironment implements Environment, DesiredActionStates {

    private static final int STATES = 10;
    private static final float LEVEL = 0.1f;
    private static final Space ACTIONS = Space.cube(2, -1, 1);
    private static final Space OBSERVATIONS = Space.cube(STATES, 0, LEVEL);
    private static final Space RAW_OBSERVATIONS = Space.cube(STATES, -1, 1);
    private static final double VIEW = 1.25;

    private final DesiredActionConfig config;
    private final DesiredActionSet set;
    private int firstIndex;
    private long noiseSeed;
    private int steps;
    private int inSet;
    private Action lastAction;
    private boolean started;
    private boolean running;

    DesiredActionEnvironment(DesiredActionConfig config, DesiredActionSet set) {
        this.config = config;
        this.set = set;
    }

    @Override
    public Space observationSpace() {
        return config.observations() == DesiredActionConfig.Observations.RAW ? RAW_OBSERVATIONS : OBSERVATIONS;
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
        int drawn = random.nextInt(STATES);
        firstIndex = config.reset() == DesiredActionConfig.Reset.ORIGINAL ? 0 : drawn;
        noiseSeed = random.nextLong();
        steps = 0;
        inSet = 0;
        lastAction = null;
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
        Action a = ACTIONS.clip(action);
        boolean desired = set.contains(a.get(0), a.get(1));
        inSet += desired ? 1 : 0;
        steps++;
        lastAction = a;
        boolean last = steps >= config.maxSteps();
        boolean success = last && inSetRate() >= config.successInSetRate();
        running = !last;
        return new StepResult(observation(), desired ? 1 : -1, false, last, new StepInfo(success, inSetRate()));
    }

    @Override
    public Teacher expert() {
        return this::teach;
    }

    private Action teach(Observation observation, Action proposed) {
        if (!started) {
            throw new IllegalStateException("no episode has started; call reset(seed) first");
        }
        Action a = ACTIONS.clip(proposed);
        // one generator per step, seeded by a mixed value: streams from seeds noiseSeed + k would overlap
        SplittableRandom noise = new SplittableRandom(new SplittableRandom(noiseSeed + steps).nextLong());
        Action answer = Action.ofDoubles(set.teach(a.get(0), a.get(1), noise));
        return set.contains(answer.get(0), answer.get(1)) ? answer : a;
    }

    /** The ten states' observations: every state shares the one desired set. */
    @Override
    public List<Observation> states() {
        List<Observation> states = new ArrayList<>(STATES);
        for (int i = 0; i < STATES; i++) {
            states.add(observation(i));
        }
        return states;
    }

    /** Whether the clipped action lies in the set (the same at every state). */
    @Override
    public boolean desired(int index, Action action) {
        if (index < 0 || index >= STATES) {
            throw new IndexOutOfBoundsException("state " + index + " of " + STATES);
        }
        Action a = ACTIONS.clip(action);
        return set.contains(a.get(0), a.get(1));
    }

    /** The fraction of this episode's actions so far that were in the set; 0 before the first step. */
    private double inSetRate() {
        return steps == 0 ? 0 : (double) inSet / steps;
    }

    /** The return so far over the episode length, in [−1, 1]: +1/−1 per action in/out of the set. */
    @Override
    public OptionalDouble value() {
        return OptionalDouble.of((double) (2 * inSet - steps) / config.maxSteps());
    }

    @Override
    public Optional<Snapshot> snapshot() {
        return Optional.of(new State(this, firstIndex, noiseSeed, steps, inSet, lastAction, started, running));
    }

    @Override
    public void restore(Snapshot snapshot) {
        if (!(snapshot instanceof State s) || s.owner() != this) {
            throw new IllegalArgumentException("not a snapshot of this environment: " + snapshot);
        }
        firstIndex = s.firstIndex();
        noiseSeed = s.noiseSeed();
        steps = s.steps();
        inSet = s.inSet();
        lastAction = s.lastAction();
        started = s.started();
        running = s.running();
    }

    private record State(DesiredActionEnvironment owner, int firstIndex, long noiseSeed, int steps, int inSet,
                         Action lastAction, boolean started, boolean running) implements Snapshot {
    }

    /** The action plane: the box, the desired set, the last executed action and the state index. */
    @Override
    public Scene scene() {
        List<Shape> shapes = new ArrayList<>();
        shapes.add(new Polygon(List.of(new Point(-1, -1), new Point(1, -1), new Point(1, 1), new Point(-1, 1)),
                Tone.WALL, false));
        shapes.addAll(set.shapes());
        if (lastAction != null) {
            shapes.add(new Circle(new Point(lastAction.get(0), lastAction.get(1)), 0.03, Tone.AGENT, true));
        }
        shapes.add(new Text(new Point(-1, 1.1), "state " + index() + ", in set " + inSet + "/" + steps, Tone.TEXT));
        return new Scene(-VIEW, -VIEW, VIEW, VIEW, shapes, Optional.of(new ActionFrame(new Point(0, 0), 1, 0, 1)));
    }

    /** The state index: advancing by one per step, or from the second step on after an original reset. */
    private int index() {
        int advanced = config.reset() == DesiredActionConfig.Reset.ORIGINAL ? Math.max(0, steps - 1) : steps;
        return (firstIndex + advanced) % STATES;
    }

    private Observation observation() {
        return observation(index());
    }

    private static Observation observation(int index) {
        float[] o = new float[STATES];
        o[index] = LEVEL;
        return Observation.of(o);
    }
}
