package io.corrigo.djl.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

@Epic("DJL toolkit")
@Feature("Energy-based policies")
class SoftmaxTest {

    @Test
    void probabilitiesOfAStridedSliceFollowTheTemperature() {
        float[] logits = {0, 99, 1, 99, 2, 99};
        double[] p = new double[3];
        Softmax.probabilities(logits, 0, 2, 3, 0.5, p);
        double z = 1 + Math.exp(2) + Math.exp(4);
        assertThat(p[0]).isCloseTo(1 / z, within(1e-12));
        assertThat(p[2]).isCloseTo(Math.exp(4) / z, within(1e-12));
        Softmax.probabilities(logits, 0, 2, 3, 0, p);
        assertThat(p).containsExactly(0, 0, 1);
    }

    @Test
    void samplingFrequenciesMatchTheProbabilities() {
        float[] logits = {0, (float) Math.log(3)};
        SplittableRandom r = new SplittableRandom(1);
        int ones = 0;
        for (int i = 0; i < 20_000; i++) {
            ones += Softmax.sample(logits, 0, 1, 2, 1.0, r);
        }
        assertThat(ones / 20_000.0).isCloseTo(0.75, within(0.015));
    }

    @Test
    void zeroTemperatureTakesTheFirstLargest() {
        assertThat(Softmax.sample(new float[] {1, 5, 5, 2}, 0, 1, 4, 0, new SplittableRandom(1))).isEqualTo(1);
    }

    @Test
    void extremeLogitsDoNotOverflow() {
        double[] p = new double[2];
        Softmax.probabilities(new float[] {1e30f, 0}, 0, 1, 2, 0.01, p);
        assertThat(p).containsExactly(1, 0);
    }

    @Test
    void binarySearchDrawsTheSameIndexAsTheLinearScanForEveryDraw() {
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(300);
            double[] p = new double[n];
            float[] logits = new float[n];
            for (int k = 0; k < n; k++) {
                logits[k] = r.nextInt(4) == 0 ? -1e6f : (float) r.nextGaussian() * 20;
            }
            Softmax.probabilities(logits, 0, 1, n, 0.1 + r.nextDouble(), p);
            double[] cumulative = new double[n];
            Softmax.cumulate(p, n, cumulative);
            for (int d = 0; d < 200; d++) {
                double u = d == 0 ? Math.nextDown(1.0) : d == 1 ? 0 : r.nextDouble();
                assertThat(Softmax.drawCumulative(p, cumulative, n, u)).isEqualTo(Softmax.draw(p, n, u));
            }
        }
    }
}
