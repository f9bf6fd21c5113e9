package io.corrigo.plugin.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.corrigo.djl.GradientTape;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

@Epic("Learners")
@Feature("diffusion")
class DenoiserTest {

    @Test
    void theMlpDenoiserMapsChunksToChunksOfTheSameShape() {
        assertShapes(new MlpDenoiser(16 * 2, 2 * 5, 16, 32, 3), 7, 16 * 2, 2 * 5, 16);
        assertShapes(new MlpDenoiser(1, 3, 8, 16, 0), 1, 1, 3, 8);
    }

    @Test
    void theUnetDenoiserMapsChunksToChunksOfTheSameShape() {
        assertShapes(new UnetDenoiser(16, 2, 2 * 5, 16, List.of(16, 32, 64), 5), 3, 16 * 2, 2 * 5, 16);
        assertShapes(new UnetDenoiser(8, 3, 4, 8, List.of(8, 16), 3), 2, 8 * 3, 4, 8);
        assertShapes(new UnetDenoiser(1, 2, 4, 8, List.of(8), 5), 2, 2, 4, 8);
    }

    @Test
    void theTransposedConvolutionMatchesItsDefinition() {
        // ConvTranspose1d: y[o, s·i − p + j] += Σ_c x[c, i]·W[c, o, j], plus the bias
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            SplittableRandom r = new SplittableRandom(4);
            int in = 2;
            int out = 3;
            int k = 4;
            int length = 5;
            float[] x = new float[in * length];
            float[] w = new float[in * out * k];
            float[] b = {0.1f, -0.2f, 0.3f};
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) r.nextGaussian();
            }
            Map<String, NDArray> p = Map.of("t.weight", m.create(w, new Shape(in, out, k)), "t.bias", m.create(b));
            float[] y = Layers.convTranspose(m.create(x, new Shape(1, in, length)), p, "t", 2, 1).toFloatArray();
            int outLength = (length - 1) * 2 - 2 + k;
            assertThat(y).hasSize(out * outLength);
            double[] expected = new double[out * outLength];
            for (int o = 0; o < out; o++) {
                for (int t = 0; t < outLength; t++) {
                    expected[o * outLength + t] = b[o];
                }
                for (int c = 0; c < in; c++) {
                    for (int i = 0; i < length; i++) {
                        for (int j = 0; j < k; j++) {
                            int t = 2 * i - 1 + j;
                            if (t >= 0 && t < outLength) {
                                expected[o * outLength + t] += x[c * length + i] * w[(c * out + o) * k + j];
                            }
                        }
                    }
                }
            }
            for (int i = 0; i < y.length; i++) {
                assertThat((double) y[i]).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-4));
            }
        }
    }

    @Test
    void theUnetRefusesAChunkItCannotHalveEnoughTimes() {
        assertThatThrownBy(() -> new UnetDenoiser(6, 2, 4, 8, List.of(8, 16, 32), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("divisible by 4");
    }

    @Test
    void everyParameterOfBothDenoisersGetsAGradient() {
        for (Denoiser d : List.of(new MlpDenoiser(8, 4, 8, 16, 2), new UnetDenoiser(4, 2, 4, 8, List.of(8, 16), 3))) {
            try (NDManager m = NDManager.newBaseManager("PyTorch")) {
                Map<String, NDArray> p = d.initialise(m, new SplittableRandom(1));
                try (GradientTape tape = GradientTape.record()) {
                    NDArray out = d.forward(m.randomNormal(new Shape(3, 8)), m.randomNormal(new Shape(3, 8)),
                            m.randomNormal(new Shape(3, 4)), p);
                    tape.backward(out.square().sum());
                }
                p.forEach((name, w) -> assertThat(w.getGradient().abs().sum().getFloat()).as(d.describe() + " " + name)
                        .isGreaterThan(0f));
            }
        }
    }

    private static void assertShapes(Denoiser d, int batch, int chunk, int history, int embedding) {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            Map<String, NDArray> p = d.initialise(m, new SplittableRandom(1));
            NDArray out = d.forward(m.randomNormal(new Shape(batch, chunk)), m.randomNormal(new Shape(batch, embedding)),
                    m.randomNormal(new Shape(batch, history)), p);
            assertThat(out.getShape()).isEqualTo(new Shape(batch, chunk));
            assertThat(out.isNaN().any().getBoolean()).isFalse();
        }
    }
}
