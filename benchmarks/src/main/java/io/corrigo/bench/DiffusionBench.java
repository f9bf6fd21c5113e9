package io.corrigo.bench;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.learner.DemonstrationLearner;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.Transition;
import io.corrigo.core.internal.djl.DjlRuntime;
import io.corrigo.plugin.diffusion.DiffusionConfig;
import io.corrigo.plugin.diffusion.DiffusionLearnerProvider;
import io.corrigo.testkit.TestRunContext;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Row (5), Diffusion Policy: one training update of {@code diffusion} at its defaults on two-route's
 * sizes (2-D observations and actions; To 2, Tp 16): a batch of 256 windows noised at random steps
 * of the squared-cosine schedule, the MLP denoiser (3 FiLM residual blocks of 256, step embedding
 * 64) predicting the noise, the masked MSE, AdamW on a warm-up + cosine rate, the EMA of the weights.
 */
@State(Scope.Thread)
public class DiffusionBench {

    private Learner learner;
    private DemonstrationLearner offline;

    @Setup(Level.Trial)
    public void setUp() {
        DjlRuntime.configure();
        Space space = Space.cube(2, -1, 1);
        learner = new DiffusionLearnerProvider().create(DiffusionConfig.DEFAULTS, space, space, TestRunContext.withSeed(1));
        offline = (DemonstrationLearner) learner;
        SplittableRandom random = new SplittableRandom(1);
        for (int episode = 0; episode < 40; episode++) {
            for (int t = 1; t <= 50; t++) {
                Observation o = Observation.of(Data.uniform(random, 2));
                Action a = Action.of(Data.uniform(random, 2));
                offline.observeDemonstration(new Transition(o, a, Feedback.None.instance(), a, Response.Executor.TEACHER, o, 0,
                        false, t == 50, new StepInfo(false, 0), t));
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        learner.close();
    }

    @Benchmark
    public void update() {
        offline.trainOnDemonstrations(1);
    }
}
