package io.corrigo.djl.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.corrigo.api.run.ComputeDevice;
import io.corrigo.djl.Devices;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("DJL toolkit")
@Feature("Energy-based policies")
class GradientPenaltyTest {

    @Test
    void isZeroWhileEveryGradientIsWithinTheMargin() {
        try (NDManager m = Devices.newManager(ComputeDevice.CPU)) {
            float[] g = {1f, -1f, 0.3f, 0.9f, -0.99f, 0f};
            assertThat(GradientPenalty.of(m.create(g, new Shape(3, 2)), m.create(1f)).getFloat()).isZero();
        }
    }

    @Test
    void averagesTheSquaredExcessOfTheMaxNorm() {
        try (NDManager m = Devices.newManager(ComputeDevice.CPU)) {
            float[] g = {3f, -0.5f, 0.2f, -1.5f, 0.5f, 0.5f};
            // ‖g‖∞ per row: 3, 1.5, 0.5 → excess 2, 0.5, 0 → (4 + 0.25 + 0) / 3
            assertThat(GradientPenalty.of(m.create(g, new Shape(3, 2)), m.create(1f)).getFloat())
                    .isCloseTo(4.25f / 3, within(1e-6f));
        }
    }
}
