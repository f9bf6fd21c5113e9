package io.corrigo.plugin.toys;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The toys' settings for the CLIC repository's protocol: its reset sequence, raw observations, the listed states. */
@Epic("Environments")
@Feature("toy-two-circles")
class ToyOriginalProtocolTest {

    private static final Action INSIDE = Action.of(0.35f, 0.35f);

    private static DesiredActionEnvironment twoCircles(DesiredActionConfig.Reset reset,
                                                       DesiredActionConfig.Observations observations) {
        return new DesiredActionEnvironment(new DesiredActionConfig(30, 0.9, reset, observations),
                new DesiredActionSet.TwoCircles(0.35, 0.2));
    }

    @Test
    void originalResetStartsAtStateZeroAndShowsItTwice() {
        DesiredActionEnvironment env = twoCircles(DesiredActionConfig.Reset.ORIGINAL, DesiredActionConfig.Observations.NORMALISED);
        for (long seed : new long[] {1, 2, 99}) {
            List<Integer> states = new ArrayList<>();
            states.add(hot(env.reset(seed)));
            for (int t = 0; t < 12; t++) {
                states.add(hot(env.step(INSIDE).observation()));
            }
            assertThat(states).as("seed %d", seed).containsExactly(0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1);
        }
    }

    @Test
    void randomResetKeepsTheSameTeacherNoiseStreamAsBefore() {
        DesiredActionEnvironment random = twoCircles(DesiredActionConfig.Reset.RANDOM, DesiredActionConfig.Observations.NORMALISED);
        DesiredActionEnvironment plain = new DesiredActionEnvironment(new DesiredActionConfig(30, 0.9),
                new DesiredActionSet.TwoCircles(0.35, 0.2));
        assertThat(random.reset(5)).isEqualTo(plain.reset(5));
        assertThat(random.step(INSIDE).observation()).isEqualTo(plain.step(INSIDE).observation());
    }

    @Test
    void rawObservationsDeclareTheBoxOnWhichMinMaxNormalisationIsTheIdentity() {
        DesiredActionEnvironment raw = twoCircles(DesiredActionConfig.Reset.RANDOM, DesiredActionConfig.Observations.RAW);
        Space box = raw.observationSpace();
        Observation o = raw.reset(3);
        assertThat(box).isEqualTo(Space.cube(10, -1, 1));
        for (int i = 0; i < o.size(); i++) {
            float normalised = 2f * (o.get(i) - box.low(i)) / (box.high(i) - box.low(i)) - 1f;
            // the identity up to float rounding: 2·(0.1 + 1)/2 − 1 = 0.100000024f
            assertThat(normalised).isCloseTo(o.get(i), org.assertj.core.data.Offset.offset(1e-7f));
        }
        assertThat(o.toArray()).containsOnly(0f, 0.1f);
        assertThat(twoCircles(DesiredActionConfig.Reset.RANDOM, DesiredActionConfig.Observations.NORMALISED)
                .observationSpace()).isEqualTo(Space.cube(10, 0, 0.1f));
    }

    @Test
    void listsItsTenStatesAndJudgesActionsByTheDesiredSet() {
        DesiredActionEnvironment env = twoCircles(DesiredActionConfig.Reset.RANDOM, DesiredActionConfig.Observations.NORMALISED);
        List<Observation> states = env.states();
        assertThat(states).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(hot(states.get(i))).isEqualTo(i);
            assertThat(env.desired(i, INSIDE)).isTrue();
            assertThat(env.desired(i, Action.of(-0.35f, -0.35f))).isTrue();
            assertThat(env.desired(i, Action.of(0f, 0f))).as("the gap between the discs").isFalse();
        }
    }

    private static int hot(Observation o) {
        int index = -1;
        for (int i = 0; i < o.size(); i++) {
            if (o.get(i) != 0) {
                index = i;
            }
        }
        return index;
    }
}
