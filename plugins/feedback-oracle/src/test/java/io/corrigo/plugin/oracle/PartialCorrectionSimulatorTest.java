package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.Action;
import io.corrigo.api.ConfigException;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.ActionGroup;
import io.corrigo.api.env.Environment;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.feedback.Response.Executor;
import io.corrigo.plugin.oracle.AbsoluteCorrectionConfig.Noise;
import io.corrigo.testkit.FeedbackSimulatorContract;
import io.corrigo.testkit.TestRunContext;
import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** CLIC's partial teacher on a two-ball task: the contract, the group choice, the untouched rest. */
@Epic("Feedback")
@Feature("partial")
class PartialCorrectionSimulatorTest implements FeedbackSimulatorContract<PartialCorrectionConfig> {

    private static final Space BOX4 = Space.cube(4, -1, 1);
    private static final List<ActionGroup> TWO_BALLS = BoxEnvironment.twoBalls().actionGroups();
    private static final Observation O4 = Observation.of(0, 0, 0, 0);

    @Override
    public FeedbackSimulatorProvider<PartialCorrectionConfig> provider() {
        return new PartialCorrectionProvider();
    }

    @Override
    public Environment environment() {
        return BoxEnvironment.twoBalls();
    }

    @Test
    void producesPartialCorrectionsOrRelativeOnesInRelativeMode() {
        assertThat(provider().produces(PartialCorrectionConfig.DEFAULTS)).containsExactly(FeedbackKind.PARTIAL);
        assertThat(provider().produces(PartialCorrectionConfig.DEFAULTS.withRelative(true)))
                .containsExactly(FeedbackKind.RELATIVE);
    }

    @Test
    void correctsOnlyTheGroupWithTheLargerErrorAndKeepsTheProposalElsewhere() {
        PartialCorrectionSimulator simulator = simulator(immediate(), BOX4, TWO_BALLS);
        Response first = simulator.respond(new Query(O4, Action.of(0.5f, 0.5f, 0.1f, -0.1f), Action.zeros(4), 1));
        assertThat(first.feedback()).isEqualTo(new Feedback.PartialCorrection(Action.of(0, 0, 0.1f, -0.1f), Set.of(0, 1)));
        assertThat(first.executed()).isEqualTo(Action.of(0, 0, 0.1f, -0.1f));
        assertThat(first.executedBy()).isEqualTo(Executor.TEACHER);
        Response second = simulator.respond(new Query(O4, Action.of(0.1f, 0.2f, -0.6f, 0.3f), Action.of(0, 0, 0.4f, 0), 2));
        assertThat(second.feedback()).isEqualTo(new Feedback.PartialCorrection(Action.of(0.1f, 0.2f, 0.4f, 0), Set.of(2, 3)));
    }

    @Test
    void everyCorrectionOfARandomLearnerHoldsTheTeacherInTheLargerGroupAndTheExactProposalElsewhere() {
        PartialCorrectionSimulator simulator = simulator(immediate(), BOX4, TWO_BALLS);
        SplittableRandom random = new SplittableRandom(5);
        int corrected = 0;
        for (int i = 0; i < 2_000; i++) {
            Action proposed = Action.ofDoubles(DirectionalNoiseTest.randomVector(4, random));
            Action teacher = Action.ofDoubles(DirectionalNoiseTest.randomVector(4, random));
            Feedback f = simulator.respond(new Query(O4, proposed, teacher, 1)).feedback();
            if (!(f instanceof Feedback.PartialCorrection p)) {
                continue;
            }
            corrected++;
            double[] d = Vectors.minus(Vectors.of(teacher), Vectors.of(proposed));
            Set<Integer> larger = Math.hypot(d[0], d[1]) >= Math.hypot(d[2], d[3]) ? Set.of(0, 1) : Set.of(2, 3);
            assertThat(p.corrected()).isEqualTo(larger);
            for (int k = 0; k < 4; k++) {
                assertThat(p.action().get(k)).isEqualTo(larger.contains(k) ? teacher.get(k) : proposed.get(k));
            }
        }
        Allure.step(corrected + " of 2000 random pairs corrected, each in the larger-error group only");
        assertThat(corrected).isGreaterThan(1_500);
    }

    @Test
    void noiseTouchesOnlyTheCorrectedGroup() {
        PartialCorrectionConfig noisy = immediate().withNoise(new Noise(45, 0, 2, true, 0.5));
        PartialCorrectionSimulator simulator = simulator(noisy, BOX4, TWO_BALLS);
        for (int i = 0; i < 500; i++) {
            Action proposed = Action.of(0.5f, 0.5f, 0.1f, -0.1f);
            Feedback.PartialCorrection p = (Feedback.PartialCorrection) simulator
                    .respond(new Query(O4, proposed, Action.zeros(4), 1)).feedback();
            assertThat(p.corrected()).isEqualTo(Set.of(0, 1));
            assertThat(p.action().get(2)).isEqualTo(0.1f);
            assertThat(p.action().get(3)).isEqualTo(-0.1f);
            assertThat(BOX4.contains(p.action())).isTrue();
        }
    }

    @Test
    void withOneGroupOfAllDimensionsTheCorrectionIsTheAbsoluteOne() {
        Noise noise = new Noise(45, 15, 2, true, 0.5);
        Space box = Space.cube(2, -1, 1);
        PartialCorrectionSimulator partial = simulator(immediate().withNoise(noise), box, List.of(ActionGroup.all(2)));
        AbsoluteCorrectionSimulator absolute = new AbsoluteCorrectionSimulator(
                new AbsoluteCorrectionConfig(0.2, 1, true, false, noise), box, new SplittableRandom(3));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 500; i++) {
            Query q = new Query(Observation.of(0, 0), Action.ofDoubles(DirectionalNoiseTest.randomVector(2, random)),
                    Action.ofDoubles(DirectionalNoiseTest.randomVector(2, random)), 1);
            Response p = partial.respond(q);
            Response a = absolute.respond(q);
            assertThat(p.executed()).isEqualTo(a.executed());
            if (a.feedback() instanceof Feedback.AbsoluteCorrection c) {
                assertThat(p.feedback()).isEqualTo(new Feedback.PartialCorrection(c.action(), Set.of(0, 1)));
            } else {
                assertThat(p.feedback()).isEqualTo(Feedback.None.instance());
            }
        }
    }

    @Test
    void dimensionsInNoGroupAreNeverCorrected() {
        List<ActionGroup> firstBallOnly = List.of(TWO_BALLS.get(0));
        PartialCorrectionSimulator simulator = simulator(immediate(), BOX4, firstBallOnly);
        Query q = new Query(O4, Action.of(0, 0, 0.9f, 0.9f), Action.zeros(4), 1);
        assertThat(simulator.respond(q)).isEqualTo(Response.silent(q.proposed()));
    }

    @Test
    void aDimensionSharedByEveryGroupIsAlwaysCorrected() {
        List<ActionGroup> armWithGripper = List.of(new ActionGroup("position", List.of(0, 2)),
                new ActionGroup("rotation", List.of(1, 2)));
        PartialCorrectionSimulator simulator = simulator(immediate(), Space.cube(3, -1, 1), armWithGripper);
        Feedback f = simulator.respond(new Query(Observation.of(0, 0, 0), Action.of(0.1f, 0.6f, 0.3f),
                Action.of(0, 0, -0.3f), 1)).feedback();
        assertThat(f).isEqualTo(new Feedback.PartialCorrection(Action.of(0.1f, 0, -0.3f), Set.of(1, 2)));
    }

    @Test
    void relativeModeGivesAUnitDirectionThatIsZeroOutsideTheCorrectedGroup() {
        PartialCorrectionSimulator simulator = simulator(immediate().withRelative(true), BOX4, TWO_BALLS);
        Response r = simulator.respond(new Query(O4, Action.of(0.1f, 0.1f, 0.6f, -0.8f), Action.zeros(4), 1));
        assertThat(r.feedback()).isEqualTo(new Feedback.RelativeCorrection(Action.of(0, 0, -0.6f, 0.8f), 0.2));
        assertThat(r.executed()).isEqualTo(Action.of(0.1f, 0.1f, 0.6f - 0.12f, -0.8f + 0.16f));
    }

    @Test
    void rejectsDirectionalNoiseWhenAGroupHasOneDimension() {
        PartialCorrectionConfig directional = PartialCorrectionConfig.DEFAULTS.withNoise(new Noise(45, 0, 0, false, 0.5));
        try (Environment env = new BoxEnvironment(2, List.of(new ActionGroup("x", List.of(0)),
                new ActionGroup("y", List.of(1))))) {
            assertThatThrownBy(() -> provider().create(directional, env, TestRunContext.withSeed(1)))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("group 'x' has 1");
        }
    }

    @Test
    void rejectsAnActionGroupOutsideTheActionSpace() {
        try (Environment env = new BoxEnvironment(2, List.of(new ActionGroup("ghost", List.of(0, 5))))) {
            assertThatThrownBy(() -> provider().create(PartialCorrectionConfig.DEFAULTS, env, TestRunContext.withSeed(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ghost'");
        }
    }

    static PartialCorrectionConfig immediate() {
        return new PartialCorrectionConfig(0.2, 1, true, false, false, 0.2, Noise.DEFAULTS, ExpertConfig.DEFAULTS);
    }

    static PartialCorrectionSimulator simulator(PartialCorrectionConfig config, Space space, List<ActionGroup> groups) {
        return new PartialCorrectionSimulator(config, space, groups, new SplittableRandom(3), DegradedExpert.none(space));
    }
}
