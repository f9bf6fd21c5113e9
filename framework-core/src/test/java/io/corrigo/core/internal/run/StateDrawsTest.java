package io.corrigo.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.DesiredActionStates;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code budget.drawsPerState}: the in-set rate of independent draws of a policy at every state. */
@Epic("Studies")
@Feature("Evaluation")
class StateDrawsTest {

    /** Three states; an action is desired where its first component is positive. */
    private static final DesiredActionStates TASK = new DesiredActionStates() {
        @Override
        public List<Observation> states() {
            return List.of(Observation.ofDoubles(0), Observation.ofDoubles(1), Observation.ofDoubles(2));
        }

        @Override
        public boolean desired(int index, Action action) {
            return action.get(0) > 0;
        }
    };

    @Test
    void measuresTheInSetProbabilityOfAFixedStochasticPolicy() {
        // lands in the set with probability 0.2, 0.5 and 0.8 at the three states: 0.5 overall, 0.2 at worst
        double[] p = {0.2, 0.5, 0.8};
        SplittableRandom random = new SplittableRandom(11);
        List<MetricPoint> m = StateDraws.evaluate(TASK, 20_000, 7, o ->
                Action.ofDoubles(random.nextDouble() < p[(int) o.get(0)] ? 1 : -1));
        assertThat(m).extracting(MetricPoint::name).containsExactly(StateDraws.MEAN, StateDraws.WORST);
        assertThat(m).extracting(MetricPoint::episode).containsOnly(7);
        // binomial sd: sqrt(.25 / 60 000) = 0.002 overall, sqrt(.16 / 20 000) = 0.003 at the worst state
        assertThat(m.get(0).value()).isCloseTo(0.5, offset(0.01));
        assertThat(m.get(0).count()).isEqualTo(60_000);
        assertThat(m.get(1).value()).isCloseTo(0.2, offset(0.015));
        assertThat(m.get(1).count()).isEqualTo(20_000);
    }

    @Test
    void aDeterministicPolicyScoresZeroOrOnePerState() {
        List<MetricPoint> m = StateDraws.evaluate(TASK, 5, 0, o -> Action.ofDoubles(o.get(0) == 1 ? -1 : 1));
        assertThat(m.get(0).value()).isCloseTo(2.0 / 3, offset(1e-12));
        assertThat(m.get(1).value()).isZero();
    }
}
