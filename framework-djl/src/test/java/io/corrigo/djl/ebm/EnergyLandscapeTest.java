package io.corrigo.djl.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import io.corrigo.api.run.ComputeDevice;
import io.corrigo.djl.Devices;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

@Epic("DJL toolkit")
@Feature("Energy-based policies")
class EnergyLandscapeTest {

    @Test
    void gridIsNormalisedAndPeaksWhereQIsLargest() {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU);
             EnergyNetwork net = EnergyTesting.linear(manager, 1, 1f, -2f)) {
            float[][] grid = EnergyLandscape.grid(manager, net, new float[] {0.3f}, 11, EnergyLandscape.TEMPERATURE);
            assertThat(grid).hasNumberOfRows(11);
            assertThat(grid[0][10]).as("x = 1, y = -1").isEqualTo(1f);
            assertThat(grid[10][0]).as("x = -1, y = 1").isEqualTo(0f);
            for (float[] row : grid) {
                for (float v : row) {
                    assertThat(v).isBetween(0f, 1f);
                }
            }
            assertThat(grid[0][9]).isLessThan(grid[0][10]).isGreaterThan(grid[1][9]);
        }
    }

    @Test
    void anUntrainedNetworkIsFlat() {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU);
             EnergyNetwork net = EnergyNetwork.builder().setObservationSize(2).setActionSize(2)
                     .setHiddenSizes(List.of(8)).build(manager, new SplittableRandom(1))) {
            float[][] grid = EnergyLandscape.grid(manager, net, new float[2], 5, 0.2);
            for (float[] row : grid) {
                assertThat(row).containsOnly(1f);
            }
        }
    }

    @Test
    void needsATwoDimensionalActionSpace() {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU);
             EnergyNetwork net = EnergyTesting.linear(manager, 0, 1f, 1f, 1f)) {
            assertThatThrownBy(() -> EnergyLandscape.grid(manager, net, new float[0], 5, 0.2))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void coordinatesSpanTheBox() {
        assertThat(EnergyLandscape.coordinate(0, 200)).isEqualTo(-1);
        assertThat(EnergyLandscape.coordinate(199, 200)).isEqualTo(1);
    }
}
