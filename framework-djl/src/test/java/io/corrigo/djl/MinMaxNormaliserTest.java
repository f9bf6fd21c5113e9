package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

@Epic("DJL toolkit")
@Feature("Normalisation")
class MinMaxNormaliserTest {

    private final Space space = Space.box(new float[] {-2f, 0f, 5f}, new float[] {2f, 10f, 5f});
    private final MinMaxNormaliser normaliser = MinMaxNormaliser.of(space);

    @Test
    void mapsTheBoundsToMinusOneAndOne() {
        assertThat(normaliser.normalise(Observation.of(-2f, 0f, 5f))).containsExactly(-1f, -1f, 0f);
        assertThat(normaliser.normalise(Observation.of(2f, 10f, 5f))).containsExactly(1f, 1f, 0f);
        assertThat(normaliser.normalise(Observation.of(0f, 5f, 5f))).containsExactly(0f, 0f, 0f);
    }

    @Test
    void roundTripsObservations() {
        SplittableRandom r = new SplittableRandom(1);
        for (int k = 0; k < 100; k++) {
            Observation o = Observation.ofDoubles(-2 + 4 * r.nextDouble(), 10 * r.nextDouble(), 5);
            Observation back = normaliser.toObservation(normaliser.normalise(o), 0);
            assertThat(back.distanceTo(o)).isLessThan(1e-5);
        }
    }

    @Test
    void roundTripsActionsAndClipsThemIntoTheSpace() {
        Action a = Action.of(1.5f, 2.5f, 5f);
        float[] n = new float[4];
        normaliser.normalise(a, n, 1);
        assertThat(normaliser.toAction(n, 1).distanceTo(a)).isLessThan(1e-6);
        Action clipped = normaliser.toAction(new float[] {3f, -7f, 0.5f}, 0);
        assertThat(clipped.get(0)).isEqualTo(2f);
        assertThat(clipped.get(1)).isEqualTo(0f);
        assertThat(clipped.get(2)).isEqualTo(5f);
    }

    @Test
    void scalarFormsInvertEachOther() {
        for (float x = -2f; x <= 2f; x += 0.25f) {
            assertThat(normaliser.denormalise(0, normaliser.normalise(0, x))).isCloseTo(x, within(1e-6f));
        }
    }
}
