package io.corrigo.bench;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.Transition;
import io.corrigo.core.internal.djl.DjlRuntime;
import io.corrigo.plugin.rlif.RlifConfig;
import io.corrigo.plugin.rlif.RlifLearnerProvider;
import io.corrigo.testkit.TestRunContext;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Row (5), RLIF: one learner step of {@code rlif} at its defaults on reacher's sizes (8-D
 * observations, 2-D actions) — act on one observation, store the transition (a takeover on 5 % of
 * steps), one RLPD update: a critic step of 2 LayerNorm critics of 2 × 256 (stacked) on a batch of
 * 256, Polyak averaging, an actor step and a temperature step. Training starts after 300 stored
 * transitions, so the warm-up already updates.
 */
@State(Scope.Thread)
public class RlifBench {

    private static final Space OBSERVATIONS = Space.cube(8, -1, 1);
    private static final Space ACTIONS = Space.cube(2, -1, 1);

    private Learner learner;
    private SplittableRandom random;
    private Observation observation;
    private int step;

    @Setup(Level.Trial)
    public void setUp() {
        DjlRuntime.configure();
        RlifConfig d = RlifConfig.DEFAULTS;
        RlifConfig config = new RlifConfig(d.actorHiddenSizes(), d.criticHiddenSizes(), d.critics(), d.targetSubset(),
                d.updatesPerStep(), d.batchSize(), d.learningRate(), d.discount(), d.tau(), d.initialTemperature(),
                d.targetEntropyScale(), 300, d.bufferCapacity(), d.demonstrationShare(), d.teacherSteps(), d.failure());
        learner = new RlifLearnerProvider().create(config, OBSERVATIONS, ACTIONS, TestRunContext.withSeed(1));
        random = new SplittableRandom(1);
        observation = Observation.of(Data.uniform(random, 8));
        learner.startEpisode();
        for (int i = 0; i < 300; i++) {
            step();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        learner.close();
    }

    @Benchmark
    public Observation step() {
        Action a = learner.act(observation);
        Observation next = Observation.of(Data.uniform(random, 8));
        boolean takeover = random.nextDouble() < 0.05;
        step++;
        boolean end = step % 50 == 0;
        learner.observe(new Transition(observation, a, takeover ? new Feedback.Takeover(a, 3, true) : Feedback.None.instance(),
                a, takeover ? Response.Executor.TEACHER : Response.Executor.LEARNER, next, 0, false, end,
                new StepInfo(false, 0), step));
        if (end) {
            learner.endEpisode();
            learner.startEpisode();
        }
        observation = next;
        return observation;
    }
}
