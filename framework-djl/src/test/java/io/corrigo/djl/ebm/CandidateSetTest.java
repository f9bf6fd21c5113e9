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
class CandidateSetTest {

    @Test
    void rowsAreSampleMajorWithTheStatesTiled() {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU)) {
            CandidateSet set = new CandidateSet(manager, 1, 2, 2, 3);
            set.setObservation(0, new float[] {10}, 0);
            set.setObservation(1, new float[] {20}, 0);
            for (int j = 0; j < 3; j++) {
                for (int b = 0; b < 2; b++) {
                    set.setAction(j, b, new float[] {j, b}, 0);
                }
            }
            float[] rows = set.upload(manager).toFloatArray();
            assertThat(rows).containsExactly(
                    10, 0, 0,   20, 0, 1,
                    10, 1, 0,   20, 1, 1,
                    10, 2, 0,   20, 2, 1);
            assertThat(set.row(2, 1)).isEqualTo(5);
            assertThat(set.action(2, 1, 0)).isEqualTo(2f);
        }
    }

    @Test
    void uniformCandidatesFillTheBox() {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU)) {
            CandidateSet set = new CandidateSet(manager, 0, 2, 4, 500);
            set.fillUniform(new SplittableRandom(1));
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            double sum = 0;
            for (float v : set.actions()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            assertThat(min).isGreaterThanOrEqualTo(-1f).isLessThan(-0.99f);
            assertThat(max).isLessThanOrEqualTo(1f).isGreaterThan(0.99f);
            assertThat(sum / set.actions().length).isBetween(-0.05, 0.05);
        }
    }

    @Test
    void logitsAndGradientsOfALinearNetwork() {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU);
             EnergyNetwork net = EnergyTesting.linear(manager, 1, 2f, -3f)) {
            CandidateSet set = new CandidateSet(manager, 1, 2, 1, 2);
            set.setObservation(0, new float[] {7}, 0);
            set.setAction(0, 0, new float[] {0.5f, 0.5f}, 0);
            set.setAction(1, 0, new float[] {-1f, 1f}, 0);
            assertThat(set.logits(net)).containsExactly(-0.5f, -5f);
            assertThat(set.actionGradients(net)).containsExactly(2f, -3f, 2f, -3f);
        }
    }
}
