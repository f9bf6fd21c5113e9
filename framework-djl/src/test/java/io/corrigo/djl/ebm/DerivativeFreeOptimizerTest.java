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
class DerivativeFreeOptimizerTest {

    @Test
    void resamplingConcentratesTheCandidatesAtTheMaximumOfEachState() {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU);
             EnergyNetwork net = EnergyTesting.linear(manager, 0, 5f, -5f)) {
            CandidateSet set = new CandidateSet(manager, 0, 2, 2, 256);
            SplittableRandom random = new SplittableRandom(1);
            set.fillUniform(random);
            float[] logits = DerivativeFreeOptimizer.of(3, 1.0).run(net, set, random);
            for (int b = 0; b < 2; b++) {
                int best = Softmax.argmax(logits, b, 2, 256);
                assertThat(set.action(best, b, 0)).isGreaterThan(0.9f);
                assertThat(set.action(best, b, 1)).isLessThan(-0.9f);
                double mean = 0;
                for (int j = 0; j < 256; j++) {
                    mean += set.action(j, b, 0) - set.action(j, b, 1);
                }
                assertThat(mean / 256).as("candidates moved towards (1, -1)").isGreaterThan(1.5);
            }
        }
    }

    @Test
    void noRoundsOnlyEvaluates() {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU);
             EnergyNetwork net = EnergyTesting.linear(manager, 0, 1f, 1f)) {
            CandidateSet set = new CandidateSet(manager, 0, 2, 1, 4);
            set.fillUniform(new SplittableRandom(2));
            float[] before = set.actions().clone();
            float[] logits = DerivativeFreeOptimizer.of(0, 1.0).run(net, set, new SplittableRandom(3));
            assertThat(set.actions()).containsExactly(before);
            assertThat(logits[1]).isEqualTo(before[2] + before[3]);
        }
    }
}
