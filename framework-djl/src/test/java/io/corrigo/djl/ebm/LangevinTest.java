package io.corrigo.djl.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import io.corrigo.api.run.ComputeDevice;
import io.corrigo.djl.Devices;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

@Epic("DJL toolkit")
@Feature("Energy-based policies")
class LangevinTest {

    @Test
    void stepSizeFollowsThePolynomialScheduleOfPowerTwo() {
        Langevin l = Langevin.of(25);
        assertThat(l.stepSize(0)).isCloseTo(0.1, within(1e-12));
        assertThat(l.stepSize(24)).isCloseTo(1e-5, within(1e-12));
        assertThat(l.stepSize(12)).isCloseTo((0.1 - 1e-5) * 0.25 + 1e-5, within(1e-12));
        assertThat(Langevin.of(1).stepSize(0)).isEqualTo(0.1);
    }

    @Test
    void everyStepIsBoundedByTheClipAndStaysInTheBox() {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU);
             EnergyNetwork steep = EnergyTesting.linear(manager, 1, 400f, -400f)) {
            CandidateSet set = new CandidateSet(manager, 1, 2, 3, 50);
            SplittableRandom random = new SplittableRandom(2);
            set.fillUniform(random);
            Langevin one = new Langevin(1, 5.0, 5.0, 10.0, Langevin.DELTA_CLIP);
            for (int step = 0; step < 30; step++) {
                float[] before = set.actions().clone();
                float gradient = one.run(steep, set, random);
                assertThat(gradient).isEqualTo(400f);
                for (int i = 0; i < before.length; i++) {
                    assertThat(Math.abs(set.actions()[i] - before[i])).isLessThanOrEqualTo(0.1f + 1e-6f);
                    assertThat(set.actions()[i]).isBetween(-1f, 1f);
                }
            }
            for (int j = 0; j < 50; j++) {
                assertThat(set.action(j, 0, 0)).as("pushed to the upper bound").isEqualTo(1f);
                assertThat(set.action(j, 0, 1)).as("pushed to the lower bound").isEqualTo(-1f);
            }
        }
    }

    @Test
    void withoutNoiseTheChainsClimbQ() {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU);
             EnergyNetwork net = EnergyTesting.linear(manager, 0, 1f, 0.5f)) {
            CandidateSet set = new CandidateSet(manager, 0, 2, 1, 20);
            set.fillUniform(new SplittableRandom(3));
            float[] before = set.actions().clone();
            new Langevin(25, 0.1, 1e-5, 0, 0.1).run(net, set, new SplittableRandom(4));
            for (int j = 0; j < 20; j++) {
                double moved = (set.action(j, 0, 0) - before[2 * j]) + 0.5 * (set.action(j, 0, 1) - before[2 * j + 1]);
                assertThat(moved).isGreaterThanOrEqualTo(0);
            }
        }
    }
}
