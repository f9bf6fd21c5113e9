package io.corrigo.plugin.bc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.api.learner.Transition;
import io.corrigo.djl.Mlp;
import io.corrigo.testkit.LearnerContract;
import io.corrigo.testkit.TestRunContext;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

@Epic("Learners")
@Feature("bc")
class BcLearnerTest implements LearnerContract<BcConfig> {

    private static final Space OBS = Space.cube(3, -1, 1);
    private static final Space ACT = Space.cube(2, -1, 1);

    @Override
    public LearnerProvider<BcConfig> provider() {
        return new BcLearnerProvider();
    }

    @Override
    public BcConfig config() {
        return small(16, 20);
    }

    private static BcConfig small(int minBuffer, int endOfEpisodeUpdates) {
        return new BcConfig(1e-3, 16, List.of(32, 32), Mlp.Activation.RELU, 5, endOfEpisodeUpdates, 1000, minBuffer, 1.0,
                null);
    }

    @Test
    void learnsALinearTeacherFromAbsoluteCorrections() {
        BcConfig config = new BcConfig(1e-3, 32, List.of(64, 64), Mlp.Activation.RELU, 5, 200, 60_000, 32, 1.0, null);
        List<Observation> probe = observations(100, 7);
        try (Learner learner = provider().create(config, OBS, ACT, TestRunContext.withSeed(1))) {
            double before = meanError(learner, probe);
            for (int episode = 0; episode < 8; episode++) {
                learner.startEpisode();
                List<Observation> obs = observations(50, 100 + episode);
                for (int t = 0; t < obs.size(); t++) {
                    Observation o = obs.get(t);
                    Action proposed = learner.act(o);
                    learner.observe(transition(o, proposed, new Feedback.AbsoluteCorrection(teacher(o)), t + 1,
                            t == obs.size() - 1));
                }
                learner.endEpisode();
            }
            double after = meanError(learner, probe);
            assertThat(after).as("mean error %s → %s", before, after).isLessThan(before / 5).isLessThan(0.1);
        }
    }

    @Test
    void followsClicsUpdateSchedule() {
        // every step labelled, updates from the first label: 20 on labels, 4 periodic (steps 5, 10, 15,
        // 20; step 20 is also the last, counted once), 10 at the end
        TestRunContext context = TestRunContext.withSeed(2);
        try (Learner learner = provider().create(small(1, 10), OBS, ACT, context)) {
            runEpisode(learner, 20, o -> new Feedback.AbsoluteCorrection(teacher(o)));
            assertThat(context.recorded("updates")).containsExactly(34.0);
            assertThat(context.recorded("labels")).containsExactly(20.0);
            assertThat(context.recorded("loss")).hasSize(1).allSatisfy(l -> assertThat(l).isPositive());
            assertThat(context.unit("loss")).contains("(normalised action)²");
            assertThat(context.notes()).containsKeys("bc.policy", "bc.gradientClip");
        }
    }

    @Test
    void waitsForMinBufferSizeLabelsBeforeUpdating() {
        TestRunContext context = TestRunContext.withSeed(3);
        List<Observation> probe = observations(5, 9);
        try (Learner learner = provider().create(small(32, 10), OBS, ACT, context)) {
            List<Action> initial = probe.stream().map(learner::act).toList();
            runEpisode(learner, 31, o -> new Feedback.AbsoluteCorrection(teacher(o)));
            assertThat(probe.stream().map(learner::act).toList()).isEqualTo(initial);
            assertThat(context.recorded("updates")).containsExactly(0.0);
            runEpisode(learner, 1, o -> new Feedback.AbsoluteCorrection(teacher(o)));
            assertThat(context.recorded("updates")).containsExactly(0.0, 12.0);
        }
    }

    @Test
    void noFeedbackAddsNoLabel() {
        TestRunContext context = TestRunContext.withSeed(4);
        try (Learner learner = provider().create(small(1, 0), OBS, ACT, context)) {
            runEpisode(learner, 10, o -> Feedback.None.instance());
            assertThat(context.recorded("labels")).containsExactly(0.0);
            assertThat(context.recorded("updates")).containsExactly(0.0);
        }
    }

    @Test
    void aggregatingEverythingKeepsUnlabelledStepsWithTheirExecutedAction() {
        TestRunContext context = TestRunContext.withSeed(4);
        BcConfig all = new BcConfig(1e-3, 16, List.of(32, 32), Mlp.Activation.RELU, 5, 0, 1000, 1, 1.0, null, true);
        try (Learner learner = provider().create(all, OBS, ACT, context)) {
            runEpisode(learner, 10, o -> Feedback.None.instance());
            assertThat(context.recorded("labels")).containsExactly(10.0);
        }
    }

    @Test
    void rejectsAKindLeftOutOfItsConfigurationNamingIt() {
        BcConfig onlyAbsolute = new BcConfig(1e-3, 16, List.of(8), Mlp.Activation.RELU, 5, 0, 100, 16, 1.0,
                EnumSet.of(FeedbackKind.ABSOLUTE));
        assertThat(provider().accepts(onlyAbsolute)).containsExactly(FeedbackKind.ABSOLUTE);
        try (Learner learner = provider().create(onlyAbsolute, OBS, ACT, TestRunContext.withSeed(5))) {
            Observation o = Observation.of(0.1f, 0.2f, 0.3f);
            Action proposed = learner.act(o);
            Feedback relative = new Feedback.RelativeCorrection(Action.of(1f, 0f), 0.2);
            assertThatThrownBy(() -> learner.observe(transition(o, proposed, relative, 1, false)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RELATIVE");
        }
    }

    @Test
    void relativeCorrectionsPullThePolicyTowardsTheTeacher() {
        Observation o = Observation.of(0.2f, -0.4f, 0.6f);
        Action target = Action.of(0.6f, -0.5f);
        try (Learner learner = provider().create(small(1, 20), OBS, ACT, TestRunContext.withSeed(6))) {
            double before = learner.act(o).distanceTo(target);
            for (int episode = 0; episode < 10; episode++) {
                learner.startEpisode();
                for (int t = 1; t <= 20; t++) {
                    Action proposed = learner.act(o);
                    Action d = target.minus(proposed);
                    Feedback f = d.norm() < 0.05 ? Feedback.None.instance()
                            : new Feedback.RelativeCorrection(d.times(1 / d.norm()), 0.2);
                    learner.observe(transition(o, proposed, f, t, t == 20));
                }
                learner.endEpisode();
            }
            assertThat(learner.act(o).distanceTo(target)).isLessThan(Math.min(0.15, before / 3));
        }
    }

    @Test
    void partialTakeoverAndLabelFeedbackAllBecomeLabels() {
        TestRunContext context = TestRunContext.withSeed(7);
        try (Learner learner = provider().create(small(100, 0), OBS, ACT, context)) {
            runEpisode(learner, 3, o -> new Feedback.PartialCorrection(Action.of(0.5f, 0f), Set.of(0)));
            runEpisode(learner, 3, o -> new Feedback.Takeover(teacher(o), 2, false));
            runEpisode(learner, 3, o -> new Feedback.Label(teacher(o)));
            assertThat(context.recorded("labels")).containsExactly(3.0, 6.0, 9.0);
        }
    }

    @Test
    void closedLearnerRefusesToAct() {
        Learner learner = provider().create(config(), OBS, ACT, TestRunContext.withSeed(8));
        learner.close();
        assertThatThrownBy(() -> learner.act(Observation.of(0f, 0f, 0f))).isInstanceOf(IllegalStateException.class);
    }

    private void runEpisode(Learner learner, int steps, java.util.function.Function<Observation, Feedback> human) {
        learner.startEpisode();
        List<Observation> obs = observations(steps, 50 + steps);
        for (int t = 0; t < steps; t++) {
            Observation o = obs.get(t);
            learner.observe(transition(o, learner.act(o), human.apply(o), t + 1, t == steps - 1));
        }
        learner.endEpisode();
    }

    private static Action teacher(Observation o) {
        return Action.of(0.6f * o.get(0) - 0.3f * o.get(1), 0.5f * o.get(2) + 0.2f * o.get(0));
    }

    private static double meanError(Learner learner, List<Observation> probe) {
        return probe.stream().mapToDouble(o -> learner.act(o).distanceTo(teacher(o))).average().orElseThrow();
    }

    private static List<Observation> observations(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Observation> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Observation.ofDoubles(r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1)));
        }
        return list;
    }

    private static Transition transition(Observation o, Action proposed, Feedback f, int step, boolean last) {
        return new Transition(o, proposed, f, proposed, Response.Executor.LEARNER, o, 0, false, last,
                new StepInfo(false, 0), step);
    }
}
