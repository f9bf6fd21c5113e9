package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.corrigo.api.run.ComputeDevice;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Keras HG-DAgger network's variants: Glorot-uniform weights, zero biases, 2·sigmoid − 1 output. */
@Epic("DJL toolkit")
@Feature("MLP")
class MlpKerasVariantTest {

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
    void kerasInitialisationDrawsGlorotUniformWeightsAndZeroBiases() {
        try (Mlp mlp = Mlp.builder().setInputSize(256).setHiddenSizes(List.of(512)).setOutputSize(2)
                .optInitialisation(Mlp.Initialisation.KERAS).build(manager, new SplittableRandom(5))) {
            float[] w = mlp.parameters().get("layers.0.weight").toFloatArray();
            double limit = Math.sqrt(6.0 / (256 + 512));
            double sum = 0;
            double squares = 0;
            double largest = 0;
            for (float v : w) {
                sum += v;
                squares += v * v;
                largest = Math.max(largest, Math.abs(v));
            }
            double mean = sum / w.length;
            double variance = squares / w.length - mean * mean;
            // U(−L, L) has variance L²/3 = 2/(fan_in + fan_out); 131 072 draws put the estimate within 1 %
            assertThat(variance).isCloseTo(2.0 / (256 + 512), offset(0.02 * 2.0 / (256 + 512)));
            assertThat(mean).isCloseTo(0, offset(limit / 100));
            assertThat(largest).isLessThanOrEqualTo(limit).isGreaterThan(0.99 * limit);
            assertThat(mlp.parameters().get("layers.0.bias").toFloatArray()).containsOnly(0f);
            assertThat(mlp.parameters().get("layers.1.bias").toFloatArray()).containsOnly(0f);
            for (float v : mlp.parameters().get("layers.1.weight").toFloatArray()) {
                assertThat(Math.abs(v)).isLessThanOrEqualTo((float) Math.sqrt(6.0 / (512 + 2)));
            }
        }
    }

    @Test
    void torchInitialisationStaysTheDefault() {
        try (Mlp a = Mlp.builder().setInputSize(3).setHiddenSizes(List.of(4)).setOutputSize(2)
                .build(manager, new SplittableRandom(9));
             Mlp b = Mlp.builder().setInputSize(3).setHiddenSizes(List.of(4)).setOutputSize(2)
                     .optInitialisation(Mlp.Initialisation.TORCH).build(manager, new SplittableRandom(9))) {
            assertThat(a.parameters().get("layers.0.bias").toFloatArray())
                    .isEqualTo(b.parameters().get("layers.0.bias").toFloatArray())
                    .isNotEqualTo(new float[4]);
        }
    }

    @Test
    void sigmoidSquashGivesTwoSigmoidMinusOneOfTheLinearOutput() {
        try (Mlp raw = variant(Mlp.OutputSquash.NONE);
             Mlp squashed = variant(Mlp.OutputSquash.SIGMOID2);
             NDManager step = manager.newSubManager()) {
            NDArray x = step.randomUniform(-3, 3, new Shape(20, 3));
            float[] linear = raw.predict(x).toFloatArray();
            float[] predicted = squashed.predict(x).toFloatArray();
            float[] forward = squashed.forward(x).toFloatArray();
            for (int i = 0; i < linear.length; i++) {
                double expected = 2 / (1 + Math.exp(-linear[i])) - 1;
                assertThat(predicted[i]).isCloseTo((float) expected, offset(1e-6f));
                assertThat(forward[i]).isCloseTo(predicted[i], offset(1e-6f));
                assertThat(predicted[i]).isBetween(-1f, 1f);
            }
        }
    }

    @Test
    void sigmoidSquashedNetworkTrainsThroughItsOutput() {
        try (Mlp mlp = variant(Mlp.OutputSquash.SIGMOID2);
             AdamOptimizer adam = AdamOptimizer.builder().setLearningRate(1e-2f).optEpsilon(1e-7f)
                     .build(manager, mlp.parameters());
             NDManager step = manager.newSubManager()) {
            NDArray x = step.create(new float[] {0.5f, -0.5f, 0.1f}, new Shape(1, 3));
            NDArray target = step.create(new float[] {0.6f, -0.6f}, new Shape(1, 2));
            float first = mlp.predict(x).sub(target).square().mean().getFloat();
            for (int i = 0; i < 200; i++) {
                try (NDManager s = step.newSubManager()) {
                    x.tempAttach(s);
                    target.tempAttach(s);
                    try (GradientTape tape = GradientTape.record()) {
                        tape.backward(mlp.forward(x).sub(target).square().mean());
                    }
                    adam.step();
                }
            }
            float last = mlp.predict(x).sub(target).square().mean().getFloat();
            assertThat(last).isLessThan(first / 100);
        }
    }

    @Test
    void squashedGradientsDoNotDependOnAGarbageCollectionBetweenForwardAndBackward() throws InterruptedException {
        float[][] undisturbed = squashedGradients(false);
        float[][] collected = squashedGradients(true);
        for (int i = 0; i < undisturbed.length; i++) {
            assertThat(collected[i]).as("gradient %d", i).isEqualTo(undisturbed[i]);
        }
    }

    private float[][] squashedGradients(boolean collectInBetween) throws InterruptedException {
        try (Mlp mlp = variant(Mlp.OutputSquash.SIGMOID2); NDManager step = manager.newSubManager()) {
            NDArray x = step.create(new float[] {0.5f, -0.5f, 0.1f, 1f, 2f, -1f}, new Shape(2, 3));
            try (GradientTape tape = GradientTape.record()) {
                NDArray loss = mlp.forward(x).square().sum();
                if (collectInBetween) {
                    collectUnreachableDirectBuffers();
                }
                tape.backward(loss);
            }
            return mlp.parameters().values().stream().map(p -> p.getGradient().toFloatArray()).toArray(float[][]::new);
        }
    }

    /** Collects until an unreachable sentinel is found, then gives the cleaner thread time to free buffers. */
    private static void collectUnreachableDirectBuffers() throws InterruptedException {
        java.lang.ref.ReferenceQueue<Object> queue = new java.lang.ref.ReferenceQueue<>();
        java.lang.ref.PhantomReference<Object> sentinel = new java.lang.ref.PhantomReference<>(new Object(), queue);
        for (int i = 0; i < 50 && queue.poll() == null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(sentinel.refersTo(null)).isTrue();
        Thread.sleep(100);
    }

    private Mlp variant(Mlp.OutputSquash squash) {
        return Mlp.builder().setInputSize(3).setHiddenSizes(List.of(8, 8)).setOutputSize(2)
                .optActivation(Mlp.Activation.TANH).optInitialisation(Mlp.Initialisation.KERAS).optOutputSquash(squash)
                .build(manager, new SplittableRandom(3));
    }
}
