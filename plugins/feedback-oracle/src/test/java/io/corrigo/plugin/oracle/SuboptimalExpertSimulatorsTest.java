package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.Environment;
import io.corrigo.api.feedback.Demonstrator;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.plugin.oracle.ExpertConfig.Degradation;
import io.corrigo.testkit.TestRunContext;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every simulator answers with the degraded expert, here a constant bias of (0.2, 0.2). */
@Epic("Feedback")
@Feature("suboptimal expert")
class SuboptimalExpertSimulatorsTest {

    private static final ExpertConfig BIAS = new ExpertConfig(Degradation.BIAS, 0.2 * Math.sqrt(2), Double.NaN, 50);
    private static final Observation O = Observation.of(0.1f, -0.2f);
    private static final Action CLEAN = Action.of(-0.3f, 0.1f);
    private static final Action BIASED = Action.of(-0.1f, 0.3f);
    private static final Action FAR = Action.of(0.9f, -0.9f);

    @Test
    void absoluteCorrectionsCorrectTowardsTheDegradedExpert() {
        AbsoluteCorrectionConfig config = new AbsoluteCorrectionConfig(0.2, 1, true, false, null, BIAS);
        Feedback f = first(new AbsoluteCorrectionProvider(), config, FAR).feedback();
        assertClose(((Feedback.AbsoluteCorrection) f).action(), BIASED);
    }

    @Test
    void relativeCorrectionsPointTowardsTheDegradedExpert() {
        RelativeCorrectionConfig config = RelativeCorrectionSimulatorTest.immediate(RelativeCorrectionConfig.Noise.DEFAULTS)
                .withExpert(BIAS);
        Action h = ((Feedback.RelativeCorrection) first(new RelativeCorrectionProvider(), config, FAR).feedback()).direction();
        double[] d = Vectors.minus(Vectors.of(BIASED), Vectors.of(FAR));
        assertClose(h, Action.ofDoubles(Vectors.times(1 / Vectors.norm(d), d)));
    }

    @Test
    void partialCorrectionsHoldTheDegradedExpertsValues() {
        PartialCorrectionConfig config = PartialCorrectionSimulatorTest.immediate().withExpert(BIAS);
        Feedback.PartialCorrection p = (Feedback.PartialCorrection) first(new PartialCorrectionProvider(), config, FAR)
                .feedback();
        assertThat(p.corrected()).isEqualTo(Set.of(0, 1));
        assertClose(p.action(), BIASED);
    }

    @Test
    void takeoversExecuteTheDegradedExpertAndTheDistanceGateJudgesAgainstIt() {
        ActionDistanceGateConfig config = ActionDistanceGateConfig.DEFAULTS.withExpert(BIAS);
        Response r = first(new ActionDistanceGateProvider(), config, CLEAN);
        assertThat(r.feedback()).as("a learner matching the clean expert is 0.28 from the biased one")
                .isInstanceOf(Feedback.Takeover.class);
        assertClose(r.executed(), BIASED);
        assertClose(first(new RandomGateProvider(), new RandomGateConfig(RandomGateConfig.Schedule.PER_STEP, 1, 4, BIAS),
                CLEAN).executed(), BIASED);
    }

    @Test
    void theValueGateJudgesByTheCleanReferenceButExecutesTheDegradedExpert() {
        ValueGateConfig config = new ValueGateConfig(ValueGateConfig.Estimator.ONE_STEP, 10, 0.05, 1, 4, BIAS);
        try (BoxEnvironment env = new BoxEnvironment();
             FeedbackSimulator simulator = new ValueGateProvider().create(config, env, TestRunContext.withSeed(1))) {
            Observation o = env.reset(1);
            simulator.startEpisode();
            Action clean = Action.of(-0.5f * o.get(0), -0.5f * o.get(1));
            Response perfect = simulator.respond(new Query(o, clean, clean, 1));
            assertThat(perfect).as("the clean expert's own action has no disadvantage").isEqualTo(Response.silent(clean));
            Action away = Action.ofDoubles(Math.signum(o.get(0)), Math.signum(o.get(1)));
            Response r = simulator.respond(new Query(o, away, clean, 2));
            assertThat(r.feedback()).isInstanceOf(Feedback.Takeover.class);
            assertClose(r.executed(), clean.plus(Action.of(0.2f, 0.2f)));
        }
    }

    @Test
    void daggerLabelsWithTheDegradedExpert() {
        DaggerConfig config = DaggerConfig.DEFAULTS.withExpert(BIAS);
        assertClose(((Feedback.Label) first(new DaggerProvider(), config, FAR).feedback()).expertAction(), BIASED);
    }

    @Test
    void everySimulatorDemonstratesWithItsDegradedExpert() {
        List<Map.Entry<FeedbackSimulatorProvider<?>, Record>> all = List.of(
                Map.entry(new AbsoluteCorrectionProvider(), new AbsoluteCorrectionConfig(0.2, 1, true, false, null, BIAS)),
                Map.entry(new RelativeCorrectionProvider(),
                        RelativeCorrectionSimulatorTest.immediate(RelativeCorrectionConfig.Noise.DEFAULTS).withExpert(BIAS)),
                Map.entry(new PartialCorrectionProvider(), PartialCorrectionSimulatorTest.immediate().withExpert(BIAS)),
                Map.entry(new ActionDistanceGateProvider(), ActionDistanceGateConfig.DEFAULTS.withExpert(BIAS)),
                Map.entry(new RandomGateProvider(), new RandomGateConfig(RandomGateConfig.Schedule.PER_STEP, 1, 4, BIAS)),
                Map.entry(new ValueGateProvider(), new ValueGateConfig(ValueGateConfig.Estimator.ONE_STEP, 10, 0.05, 1, 4, BIAS)),
                Map.entry(new DaggerProvider(), DaggerConfig.DEFAULTS.withExpert(BIAS)));
        for (Map.Entry<FeedbackSimulatorProvider<?>, Record> e : all) {
            try (BoxEnvironment env = new BoxEnvironment();
                 FeedbackSimulator simulator = create(e.getKey(), e.getValue(), env)) {
                Observation o = env.reset(1);
                assertThat(simulator).as(e.getKey().getClass().getSimpleName()).isInstanceOf(Demonstrator.class);
                Action clean = env.expert().act(o, Action.zeros(2));
                assertClose(((Demonstrator) simulator).demonstrator().act(o, Action.zeros(2)), clean.plus(Action.of(0.2f, 0.2f)));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <C extends Record> FeedbackSimulator create(FeedbackSimulatorProvider<C> provider, Record config,
                                                               Environment env) {
        return provider.create((C) config, env, TestRunContext.withSeed(1));
    }

    /** The response at step 1 of a fresh simulator on a box reset to seed 1, the clean expert saying {@link #CLEAN}. */
    private static <C extends Record> Response first(FeedbackSimulatorProvider<C> provider, C config, Action proposed) {
        try (Environment env = new BoxEnvironment();
             FeedbackSimulator simulator = provider.create(config, env, TestRunContext.withSeed(1))) {
            env.reset(1);
            simulator.startEpisode();
            return simulator.respond(new Query(O, proposed, CLEAN, 1));
        }
    }

    private static void assertClose(Action actual, Action expected) {
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("component %d of %s", i, actual).isCloseTo(expected.get(i), within(1e-5f));
        }
    }
}
