package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link NativeAdam}: where it loads, Adam through it gives DJL's numbers bit for bit, and bad arrays change nothing. */
@Epic("DJL toolkit")
@Feature("Adam")
class NativeAdamTest {

    @RegisterExtension
    final CpuManagerPerTest cpu = new CpuManagerPerTest();

    @Test
    void loadsAndPassesItsCheckOnLinuxX86() {
        NativeLibraryAssumptions.assumeBuiltAndOn("corrigo.nativeAdam", "CORRIGO_NATIVE_ADAM");
        assertThat(NativeAdam.available()).as(NativeAdam.describe()).isTrue();
        assertThat(NativeAdam.describe()).startsWith("on: one JNI call, three passes per parameter");
    }

    @ParameterizedTest(name = "weight decay {0}, clipping {1}")
    @CsvSource({"0, NONE", "0.01, NONE", "0, GLOBAL_NORM", "0.001, PER_TENSOR_NORM"})
    void trainsAnMlpToTheSameBitsAsDjlsUpdate(float decay, AdamOptimizer.Clipping clipping) {
        assumeTrue(NativeAdam.available(), NativeAdam::describe);
        try (Mlp fused = mlp(); Mlp djl = mlp();
             AdamOptimizer a = adam(decay, clipping, true, fused.parameters());
             AdamOptimizer b = adam(decay, clipping, false, djl.parameters())) {
            assertThat(a.fused()).isTrue();
            assertThat(b.fused()).isFalse();
            SplittableRandom data = new SplittableRandom(7);
            for (int step = 1; step <= 25; step++) {
                float[] x = new float[32 * 10];
                float[] y = new float[32 * 2];
                fill(data, x);
                fill(data, y);
                trainStep(fused, a, x, y);
                trainStep(djl, b, x, y);
                for (String name : fused.parameters().keySet()) {
                    assertThat(fused.parameters().get(name).toFloatArray()).as("%s after step %d", name, step)
                            .isEqualTo(djl.parameters().get(name).toFloatArray());
                }
            }
        }
    }

    @Test
    void aParameterThatIsAStridedViewTurnsTheOptimizerToDjlsUpdateWithTheSameNumbers() {
        assumeTrue(NativeAdam.available(), NativeAdam::describe);
        NDArray plain = cpu.manager().create(new float[] {1f, 4f, 2f, 5f, 3f, 6f}, new Shape(3, 2));
        plain.setRequiresGradient(true);
        NDArray transposed = cpu.manager().create(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, new Shape(2, 3)).transpose();
        transposed.setRequiresGradient(true);
        NDArray bias = cpu.manager().create(new float[] {0.5f, -0.5f});
        bias.setRequiresGradient(true);
        try (AdamOptimizer dense = adam(0f, AdamOptimizer.Clipping.NONE, true, Map.of("w", plain, "b", bias));
             AdamOptimizer strided = adam(0f, AdamOptimizer.Clipping.NONE, true, Map.of("w", transposed))) {
            assertThat(strided.fused()).isTrue();
            for (int t = 0; t < 3; t++) {
                try (GradientTape tape = GradientTape.record()) {
                    tape.backward(plain.square().sum().add(transposed.square().sum()).add(bias.sum()));
                }
                dense.step();
                strided.step();
            }
            assertThat(strided.fused()).as("after a strided parameter").isFalse();
            assertThat(dense.fused()).isTrue();
            assertThat(transposed.toFloatArray()).as("the same values, laid out differently")
                    .isEqualTo(plain.toFloatArray()).isNotEqualTo(new float[] {1f, 4f, 2f, 5f, 3f, 6f});
            assertThat(strided.updates()).isEqualTo(3);
        }
    }

    private Mlp mlp() {
        return Mlp.builder().setInputSize(10).setHiddenSizes(List.of(64, 64)).setOutputSize(2).optLayerNorm()
                .build(cpu.manager(), new SplittableRandom(3));
    }

    private AdamOptimizer adam(float decay, AdamOptimizer.Clipping clipping, boolean fused, Map<String, NDArray> params) {
        return AdamOptimizer.builder().setLearningRate(3e-3f).optWeightDecay(decay).optClipping(clipping, 0.5f)
                .fusedWhereAvailable(fused).build(cpu.manager(), params);
    }

    private void trainStep(Mlp net, AdamOptimizer adam, float[] x, float[] y) {
        try (NDManager step = cpu.manager().newSubManager(); GradientTape tape = GradientTape.record()) {
            NDArray input = step.create(x, new Shape(32, 10));
            NDArray target = step.create(y, new Shape(32, 2));
            tape.backward(net.forward(input).sub(target).square().mean());
        }
        adam.step();
    }

    private static void fill(SplittableRandom random, float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-2, 2)));
        }
    }
}
