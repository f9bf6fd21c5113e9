package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.corrigo.api.run.ComputeDevice;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Epic("DJL toolkit")
@Feature("MLP")
class MlpTest {

    private NDManager manager;

    @BeforeEach
    void openManager() {
        manager = Devices.newManager(ComputeDevice.CPU);
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @Test
    void sameSeedGivesBitIdenticalWeights() {
        try (Mlp a = small().build(manager, new SplittableRandom(7));
             Mlp b = small().build(manager, new SplittableRandom(7))) {
            assertThat(a.parameters().keySet()).containsExactlyElementsOf(b.parameters().keySet());
            for (String name : a.parameters().keySet()) {
                assertThat(a.parameters().get(name).toFloatArray())
                        .as(name).isEqualTo(b.parameters().get(name).toFloatArray());
            }
        }
    }

    @Test
    void differentSeedsGiveDifferentWeights() {
        try (Mlp a = small().build(manager, new SplittableRandom(7));
             Mlp b = small().build(manager, new SplittableRandom(8))) {
            assertThat(a.parameters().get("layers.0.weight").toFloatArray())
                    .isNotEqualTo(b.parameters().get("layers.0.weight").toFloatArray());
        }
    }

    @Test
    void weightsStartWithinPyTorchsDefaultBound() {
        try (Mlp mlp = small().build(manager, new SplittableRandom(1))) {
            float bound = (float) (1 / Math.sqrt(3));
            for (float w : mlp.parameters().get("layers.0.weight").toFloatArray()) {
                assertThat(Math.abs(w)).isLessThanOrEqualTo(bound);
            }
            assertThat(mlp.parameters().get("layers.0.weight").getShape()).isEqualTo(new Shape(16, 3));
        }
    }

    @Test
    void zeroInitialisedLastLayerGivesZeroOutput() {
        try (Mlp mlp = small().optZeroInitLastLayer().build(manager, new SplittableRandom(1));
             NDManager step = manager.newSubManager()) {
            NDArray out = mlp.predict(step.randomUniform(-1, 1, new Shape(5, 3)));
            assertThat(out.toFloatArray()).containsOnly(0f);
        }
    }

    @Test
    void tanhOutputStaysInsideTheUnitBox() {
        try (Mlp mlp = small().optOutputSquash(Mlp.OutputSquash.TANH).optActivation(Mlp.Activation.TANH)
                .build(manager, new SplittableRandom(1));
             NDManager step = manager.newSubManager()) {
            NDArray out = mlp.predict(step.randomUniform(-100, 100, new Shape(50, 3)));
            for (float v : out.toFloatArray()) {
                assertThat(v).isBetween(-1f, 1f);
            }
        }
    }

    @Test
    void predictMatchesForwardAndLeavesOnlyItsResult() {
        try (Mlp mlp = small().optLayerNorm().build(manager, new SplittableRandom(3));
             NDManager step = manager.newSubManager()) {
            NDArray x = step.randomUniform(-1, 1, new Shape(4, 3));
            float[] forward = mlp.forward(x).toFloatArray();
            try (NDManager scope = manager.newSubManager()) {
                NDArray input = x.duplicate();
                input.attach(scope);
                int before = scope.getManagedArrays().size();
                float[] predicted = mlp.predict(input).toFloatArray();
                assertThat(predicted).containsExactly(forward, org.assertj.core.data.Offset.offset(1e-6f));
                assertThat(scope.getManagedArrays()).hasSize(before + 1);
            }
        }
    }

    @Test
    void forwardUnderATapeLeavesOnlyItsResultYetBackPropagatesAsBefore() {
        try (Mlp mlp = small().optLayerNorm().optOutputSquash(Mlp.OutputSquash.TANH).build(manager, new SplittableRandom(4));
             NDManager scope = manager.newSubManager()) {
            NDArray input = scope.randomUniform(-1, 1, new Shape(5, 3));
            int before = scope.getManagedArrays().size();
            float[] predicted = mlp.predict(input).toFloatArray();
            try (GradientTape tape = GradientTape.record()) {
                NDArray out = mlp.forward(input);
                assertThat(scope.getManagedArrays()).as("input, predict's result and forward's result")
                        .hasSize(before + 2);
                assertThat(input.isReleased()).isFalse();
                assertThat(out.toFloatArray()).containsExactly(predicted);
                tape.backward(out.sum());
            }
            // d(sum of tanh outputs)/d(output bias) = 1 − tanh², summed over the batch: the graph survived
            float[] bias = mlp.parameters().get("layers.2.bias").getGradient().toFloatArray();
            float[] expected = new float[2];
            for (int i = 0; i < predicted.length; i++) {
                expected[i % 2] += 1 - predicted[i] * predicted[i];
            }
            assertThat(bias).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void learnsASmallRegression() {
        SplittableRandom data = new SplittableRandom(42);
        int n = 256;
        float[] xs = new float[n * 3];
        float[] ys = new float[n * 2];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                xs[i * 3 + d] = (float) (2 * data.nextDouble() - 1);
            }
            ys[i * 2] = (float) Math.sin(2 * xs[i * 3] + xs[i * 3 + 1]);
            ys[i * 2 + 1] = xs[i * 3 + 1] * xs[i * 3 + 2];
        }
        try (Mlp mlp = Mlp.builder().setInputSize(3).setHiddenSizes(List.of(64, 64)).setOutputSize(2)
                .build(manager, new SplittableRandom(5));
             AdamOptimizer adam = AdamOptimizer.builder().setLearningRate(3e-3f)
                     .build(manager, mlp.parameters())) {
            NDArray x = manager.create(xs, new Shape(n, 3));
            NDArray y = manager.create(ys, new Shape(n, 2));
            float first = loss(mlp, x, y);
            for (int i = 0; i < 600; i++) {
                try (NDManager step = manager.newSubManager()) {
                    x.tempAttach(step);
                    y.tempAttach(step);
                    try (GradientTape tape = GradientTape.record()) {
                        NDArray out = mlp.forward(x);
                        tape.backward(out.sub(y).square().mean());
                    }
                    adam.step();
                }
            }
            float last = loss(mlp, x, y);
            assertThat(last).as("loss %s → %s", first, last).isLessThan(first / 20);
        }
    }

    @Test
    void saveThenLoadRestoresTheParameters() throws IOException {
        Path file = Files.createTempDirectory("mlp-").resolve("policy.bin");
        try (Mlp trained = small().optLayerNorm().build(manager, new SplittableRandom(1));
             Mlp fresh = small().optLayerNorm().build(manager, new SplittableRandom(2))) {
            trained.save(file);
            fresh.load(file);
            for (Map.Entry<String, NDArray> e : trained.parameters().entrySet()) {
                assertThat(fresh.parameters().get(e.getKey()).toFloatArray())
                        .as(e.getKey()).isEqualTo(e.getValue().toFloatArray());
            }
            assertThat(fresh.parameters().get("layers.0.weight").hasGradient()).isTrue();
        }
    }

    @Test
    void loadRejectsAFileOfAnotherShape() throws IOException {
        Path file = Files.createTempDirectory("mlp-").resolve("policy.bin");
        try (Mlp a = small().build(manager, new SplittableRandom(1));
             Mlp b = Mlp.builder().setInputSize(4).setHiddenSizes(List.of(16)).setOutputSize(2)
                     .build(manager, new SplittableRandom(1))) {
            a.save(file);
            assertThatThrownBy(() -> b.load(file)).isInstanceOf(IOException.class).hasMessageContaining("shape");
        }
    }

    @Test
    void rejectsMissingSizes() {
        assertThatThrownBy(() -> Mlp.builder().setInputSize(3).setOutputSize(2).build(manager, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hidden sizes");
    }

    private static Mlp.Builder small() {
        return Mlp.builder().setInputSize(3).setHiddenSizes(List.of(16, 16)).setOutputSize(2);
    }

    private static float loss(Mlp mlp, NDArray x, NDArray y) {
        try (NDArray out = mlp.predict(x); NDArray d = out.sub(y); NDArray sq = d.square(); NDArray m = sq.mean()) {
            return m.getFloat();
        }
    }
}
