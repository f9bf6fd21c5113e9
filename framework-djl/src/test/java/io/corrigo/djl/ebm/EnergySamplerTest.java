package io.corrigo.djl.ebm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.corrigo.api.run.ComputeDevice;
import io.corrigo.djl.Devices;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

@Epic("DJL toolkit")
@Feature("Energy-based policies")
class EnergySamplerTest {

    @Test
    void bothMethodsFindTheBestCornerOfALinearQ() {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU);
             EnergyNetwork net = EnergyTesting.linear(manager, 1, -4f, 4f)) {
            float[] action = new float[2];
            EnergySampler dfo = EnergySampler.dfo(manager, 1, 2, 256, DerivativeFreeOptimizer.of(3, 1.0), 0.1);
            dfo.act(net, new float[] {0.2f}, action, new SplittableRandom(1));
            assertThat(action[0]).isLessThan(-0.85f);
            assertThat(action[1]).isGreaterThan(0.85f);
            EnergySampler langevin = EnergySampler.langevin(manager, 1, 2, 128, Langevin.of(25), 2, 0.1);
            langevin.act(net, new float[] {0.2f}, action, new SplittableRandom(2));
            assertThat(action[0]).isLessThan(-0.85f);
            assertThat(action[1]).isGreaterThan(0.85f);
        }
    }

    @Test
    void theSameSeedGivesTheSameAction() {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU);
             EnergyNetwork net = EnergyTesting.linear(manager, 1, 0.3f, 0.1f)) {
            EnergySampler sampler = EnergySampler.dfo(manager, 1, 2, 64, DerivativeFreeOptimizer.of(3, 1.0), 1.0);
            float[] a = new float[2];
            float[] b = new float[2];
            sampler.act(net, new float[] {0.5f}, a, new SplittableRandom(9));
            sampler.act(net, new float[] {0.5f}, b, new SplittableRandom(9));
            assertThat(b).containsExactly(a);
        }
    }
}
