package io.corrigo.plugin.clic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.learner.Transition;
import io.corrigo.djl.MinMaxNormaliser;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

@Epic("Learners")
@Feature("clic-half")
class CorrectionTest {

    private static final MinMaxNormaliser UNIT = MinMaxNormaliser.of(Space.cube(2, -1, 1));
    private static final Set<FeedbackKind> ALL = EnumSet.complementOf(EnumSet.of(FeedbackKind.NONE));

    @Test
    void anAbsoluteCorrectionIsTheDifferenceWithScaleOne() {
        Correction c = of(Action.of(0.1f, -0.2f), new Feedback.AbsoluteCorrection(Action.of(0.5f, 0.3f)), UNIT);
        assertThat(c.robot()[0]).isCloseTo(0.1f, within(1e-6f));
        assertThat(c.robot()[1]).isCloseTo(-0.2f, within(1e-6f));
        assertThat(c.h()[0]).isCloseTo(0.4f, within(1e-6f));
        assertThat(c.h()[1]).isCloseTo(0.5f, within(1e-6f));
        assertThat(c.scale()).isEqualTo(1f);
    }

    @Test
    void aRelativeCorrectionKeepsItsUnitDirectionAndMagnitude() {
        Correction c = of(Action.of(0.1f, -0.2f), new Feedback.RelativeCorrection(Action.of(0.6f, 0.8f), 0.2), UNIT);
        assertThat(c.h()).containsExactly(0.6f, 0.8f);
        assertThat(c.scale()).isEqualTo(0.2f);
        float[] plus = new float[2];
        c.corrected(plus, 0);
        assertThat(plus[0]).isCloseTo(0.22f, within(1e-6f));
    }

    @Test
    void aRelativeDirectionIsRescaledIntoNormalisedCoordinates() {
        MinMaxNormaliser wide = MinMaxNormaliser.of(Space.box(new float[] {-2, 0}, new float[] {2, 1}));
        Correction c = of(Action.of(0f, 0.5f), new Feedback.RelativeCorrection(Action.of(1f, 0f), 0.2), wide);
        assertThat(c.h()).containsExactly(0.5f, 0f);
    }

    @Test
    void aPartialCorrectionIsZeroInTheUncorrectedDimensions() {
        MinMaxNormaliser four = MinMaxNormaliser.of(Space.cube(4, -1, 1));
        Feedback partial = new Feedback.PartialCorrection(Action.of(0.9f, -0.9f, 0.3f, 0.4f), Set.of(0, 1));
        Correction c = of(Action.of(0.1f, 0.1f, 0.3f, 0.4f), partial, four);
        assertThat(c.h()[0]).isCloseTo(0.8f, within(1e-6f));
        assertThat(c.h()[1]).isCloseTo(-1.0f, within(1e-6f));
        assertThat(c.h()[2]).isZero();
        assertThat(c.h()[3]).isZero();
    }

    @Test
    void noFeedbackOrAVanishingCorrectionGivesNothing() {
        assertThat(Correction.of(transition(Action.of(0f, 0f), Feedback.None.instance()), ALL, UNIT, "t")).isEmpty();
        assertThat(Correction.of(transition(Action.of(0.3f, 0f), new Feedback.AbsoluteCorrection(Action.of(0.3f, 0f))),
                ALL, UNIT, "t")).isEmpty();
    }

    @Test
    void rejectsAKindItDoesNotAcceptNamingTheLearner() {
        Transition t = transition(Action.of(0f, 0f), new Feedback.RelativeCorrection(Action.of(1f, 0f), 0.2));
        assertThatThrownBy(() -> Correction.of(t, EnumSet.of(FeedbackKind.ABSOLUTE), UNIT, "clic-circular"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clic-circular")
                .hasMessageContaining("RELATIVE");
    }

    private static Correction of(Action proposed, Feedback f, MinMaxNormaliser actions) {
        return Correction.of(transition(proposed, f), ALL, actions, "test").orElseThrow();
    }

    private static Transition transition(Action proposed, Feedback f) {
        Observation o = Observation.of(0f);
        return new Transition(o, proposed, f, proposed, Response.Executor.LEARNER, o, 0, false, false,
                new StepInfo(false, 0), 1);
    }
}
