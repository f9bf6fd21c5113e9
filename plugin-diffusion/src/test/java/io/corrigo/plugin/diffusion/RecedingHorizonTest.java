package io.corrigo.plugin.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Learners")
@Feature("diffusion")
class RecedingHorizonTest {

    /** To 2, Tp 6, Ta 3, 1-D actions: a chunk [c0 … c5] executes c1, c2, c3. */
    private final RecedingHorizon horizon = new RecedingHorizon(new Horizons(2, 6, 3), 1, 1);

    @Test
    void executesPredictedIndicesFromToMinusOneThenAsksForANewPlan() {
        horizon.reset();
        horizon.observe(new float[] {0});
        assertThat(horizon.needsPlan()).isTrue();
        horizon.plan(new float[] {10, 11, 12, 13, 14, 15});
        assertThat(next()).isEqualTo(11);
        assertThat(horizon.needsPlan()).isFalse();
        assertThat(next()).isEqualTo(12);
        assertThat(next()).isEqualTo(13);
        assertThat(horizon.needsPlan()).isTrue();
        assertThatThrownBy(this::next).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTeacherStepDropsTheRestOfThePlan() {
        horizon.reset();
        horizon.plan(new float[] {0, 1, 2, 3, 4, 5});
        assertThat(next()).isEqualTo(1);
        horizon.interrupt();
        assertThat(horizon.needsPlan()).isTrue();
        horizon.plan(new float[] {20, 21, 22, 23, 24, 25});
        assertThat(next()).isEqualTo(21);
    }

    @Test
    void aNewEpisodeForgetsThePlanAndPadsTheHistoryWithItsFirstObservation() {
        horizon.reset();
        horizon.observe(new float[] {1});
        horizon.plan(new float[] {0, 1, 2, 3, 4, 5});
        next();
        horizon.observe(new float[] {2});
        assertThat(horizon.history()).containsExactly(1, 2);
        horizon.observe(new float[] {3});
        assertThat(horizon.history()).containsExactly(2, 3);
        horizon.reset();
        assertThat(horizon.needsPlan()).isTrue();
        horizon.observe(new float[] {7});
        assertThat(horizon.history()).containsExactly(7, 7);
    }

    private float next() {
        float[] a = new float[1];
        horizon.next(a);
        return a[0];
    }
}
