package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@Epic("Learning toolkit")
@Feature("Moving average")
class ExponentialMovingAverageTest {

    @Test
    void warmUpDecayFollowsDiffusionPolicysFormula() {
        assertThat(ExponentialMovingAverage.decay(0, 0.75, 0.9999)).isZero();
        assertThat(ExponentialMovingAverage.decay(1, 0.75, 0.9999)).isZero();
        assertThat(ExponentialMovingAverage.decay(2, 0.75, 0.9999)).isCloseTo(1 - Math.pow(2, -0.75), within(1e-12));
        assertThat(ExponentialMovingAverage.decay(11, 0.75, 0.9999)).isCloseTo(0.8344, within(1e-4));
        assertThat(ExponentialMovingAverage.decay(1001, 0.75, 0.9999)).isCloseTo(1 - Math.pow(1001, -0.75), within(1e-12));
        assertThat(ExponentialMovingAverage.decay(100_000_000, 0.75, 0.9999)).isEqualTo(0.9999);
    }

    @Test
    void theFirstTwoUpdatesCopyTheWeightsThenTheAverageLags() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray w = m.create(new float[] {1, 2});
            Map<String, NDArray> live = new LinkedHashMap<>();
            live.put("w", w);
            try (ExponentialMovingAverage ema = new ExponentialMovingAverage(m, live, 0.75, 0.9999)) {
                w.set(new float[] {3, 4});
                ema.update();
                assertThat(ema.parameters().get("w").toFloatArray()).containsExactly(3, 4);
                w.set(new float[] {5, 6});
                ema.update();
                assertThat(ema.parameters().get("w").toFloatArray()).containsExactly(5, 6);
                w.set(new float[] {7, 8});
                ema.update();
                double d = 1 - Math.pow(2, -0.75);
                float[] avg = ema.parameters().get("w").toFloatArray();
                assertThat((double) avg[0]).isCloseTo(d * 5 + (1 - d) * 7, within(1e-5));
                assertThat((double) avg[1]).isCloseTo(d * 6 + (1 - d) * 8, within(1e-5));
                assertThat(w.toFloatArray()).containsExactly(7, 8);
            }
        }
    }
}
