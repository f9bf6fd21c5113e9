package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import io.corrigo.api.run.ComputeDevice;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@Epic("DJL toolkit")
@Feature("Gradients")
class GradientTapeTest {

    @Test
    void computesTheGradientOfASimpleLoss() {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU)) {
            NDArray w = manager.create(new float[] {1f, 2f, 3f});
            w.setRequiresGradient(true);
            try (GradientTape tape = GradientTape.record()) {
                tape.backward(w.square().sum());
            }
            assertThat(w.getGradient().toFloatArray()).containsExactly(2f, 4f, 6f);
        }
    }

    @Test
    @SuppressWarnings("try")
    void restoresTheThreadsGradModeOnClose() {
        Devices.newManager(ComputeDevice.CPU).close();
        boolean before = JniUtils.isGradMode();
        try (GradientTape tape = GradientTape.record()) {
            assertThat(JniUtils.isGradMode()).isTrue();
            try (NoGradient off = NoGradient.enter()) {
                assertThat(JniUtils.isGradMode()).isFalse();
            }
            assertThat(JniUtils.isGradMode()).isTrue();
        }
        assertThat(JniUtils.isGradMode()).isEqualTo(before);
    }

    @Test
    void twoThreadsTrainAtTheSameTime() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                results.add(pool.submit(GradientTapeTest::train));
            }
            float[] first = results.get(0).get();
            assertThat(results.get(1).get()).as("same seed, same weights on either thread").isEqualTo(first);
        } finally {
            pool.shutdownNow();
        }
    }

    private static float[] train() {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU);
             Mlp mlp = Mlp.builder().setInputSize(4).setHiddenSizes(List.of(32)).setOutputSize(1)
                     .build(manager, new SplittableRandom(1));
             AdamOptimizer adam = AdamOptimizer.builder().setLearningRate(1e-3f).build(manager, mlp.parameters())) {
            NDArray x = manager.ones(new Shape(16, 4));
            for (int i = 0; i < 300; i++) {
                try (NDManager step = manager.newSubManager()) {
                    x.tempAttach(step);
                    try (GradientTape tape = GradientTape.record()) {
                        tape.backward(mlp.forward(x).square().mean());
                    }
                    adam.step();
                }
            }
            return mlp.parameters().get("layers.1.weight").toFloatArray();
        }
    }
}
