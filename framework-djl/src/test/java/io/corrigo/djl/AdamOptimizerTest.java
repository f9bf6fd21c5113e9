package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.corrigo.api.run.ComputeDevice;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Epic("DJL toolkit")
@Feature("Adam")
class AdamOptimizerTest {

    private static final float[] START = {1f, -2f, 3f};
    private static final float[] SLOPE = {0.5f, -1f, 2f};

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
    void updateMatchesAHandComputedStep() {
        double lr = 0.1;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        NDArray w = parameter();
        try (AdamOptimizer adam = AdamOptimizer.builder().setLearningRate((float) lr).build(manager, Map.of("w", w))) {
            double[] expected = {START[0], START[1], START[2]};
            double[] m = new double[3];
            double[] v = new double[3];
            for (int t = 1; t <= 3; t++) {
                backwardLinear(w);
                adam.step();
                for (int i = 0; i < 3; i++) {
                    double g = SLOPE[i];
                    m[i] = b1 * m[i] + (1 - b1) * g;
                    v[i] = b2 * v[i] + (1 - b2) * g * g;
                    double corrected = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
                    expected[i] -= corrected * m[i] / (Math.sqrt(v[i]) + eps);
                }
                float[] actual = w.toFloatArray();
                for (int i = 0; i < 3; i++) {
                    assertThat((double) actual[i]).as("t=%d, component %d", t, i).isCloseTo(expected[i], within(1e-6));
                }
            }
            assertThat(adam.updates()).isEqualTo(3);
            assertThat(w.getGradient().toFloatArray()).as("gradient zeroed by the update").containsOnly(0f);
        }
    }

    @Test
    void decoupledWeightDecayShrinksTheWeightsBeforeTheAdamStep() {
        double lr = 0.1;
        double decay = 0.5;
        NDArray w = parameter();
        try (AdamOptimizer adam = AdamOptimizer.builder().setLearningRate((float) lr).optWeightDecay((float) decay)
                .build(manager, Map.of("w", w))) {
            backwardLinear(w);
            adam.step();
            float[] actual = w.toFloatArray();
            for (int i = 0; i < 3; i++) {
                double g = SLOPE[i];
                double step = lr * Math.sqrt(1 - 0.999) / (1 - 0.9) * (0.1 * g) / (Math.sqrt(0.001 * g * g) + 1e-8);
                double expected = START[i] * (1 - lr * decay) - step;
                assertThat((double) actual[i]).as("component %d", i).isCloseTo(expected, within(1e-6));
            }
        }
    }

    @Test
    void updateMatchesDjlsOwnAdam() {
        NDArray ours = parameter();
        NDArray theirs = parameter();
        Optimizer djl = Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build();
        try (AdamOptimizer adam = AdamOptimizer.builder().setLearningRate(0.01f).build(manager, Map.of("w", ours))) {
            for (int t = 0; t < 5; t++) {
                backwardLinear(ours);
                adam.step();
                backwardLinear(theirs);
                try (NDArray g = theirs.getGradient()) {
                    djl.update("w", theirs, g);
                }
            }
        }
        assertThat(ours.toFloatArray()).isEqualTo(theirs.toFloatArray());
    }

    @Test
    void perTensorClippingBoundsEachGradientNorm() throws Exception {
        NDArray w = parameter();
        Path file = tempFile();
        try (AdamOptimizer adam = AdamOptimizer.builder().setLearningRate(0.1f)
                .optClipping(AdamOptimizer.Clipping.PER_TENSOR_NORM, 0.5f).build(manager, Map.of("w", w))) {
            backwardLinear(w);
            adam.step();
            adam.save(file);
        }
        double norm = Math.sqrt(0.25 + 1 + 4);
        float[] m = readMoments(file, Map.of("w", w)).get("m.w").toFloatArray();
        for (int i = 0; i < 3; i++) {
            assertThat((double) m[i]).isCloseTo(0.1 * SLOPE[i] * 0.5 / norm, within(1e-6));
        }
    }

    @Test
    void globalClippingScalesAllGradientsTogether() throws Exception {
        NDArray a = parameter();
        NDArray b = parameter();
        Map<String, NDArray> params = new LinkedHashMap<>();
        params.put("a", a);
        params.put("b", b);
        try (AdamOptimizer adam = AdamOptimizer.builder().setLearningRate(0.1f)
                .optClipping(AdamOptimizer.Clipping.GLOBAL_NORM, 1f).build(manager, params)) {
            try (GradientTape tape = GradientTape.record(); NDArray c = manager.create(SLOPE)) {
                NDArray loss = a.mul(c).sum().add(b.mul(c).sum().mul(manager.create(2f)));
                tape.backward(loss);
            }
            adam.step();
            Path file = tempFile();
            adam.save(file);
            double total = Math.sqrt(5.25 + 4 * 5.25);
            Map<String, NDArray> moments = readMoments(file, params);
            float[] ma = moments.get("m.a").toFloatArray();
            float[] mb = moments.get("m.b").toFloatArray();
            for (int i = 0; i < 3; i++) {
                assertThat((double) ma[i]).isCloseTo(0.1 * SLOPE[i] / total, within(1e-6));
                assertThat((double) mb[i]).isCloseTo(0.1 * 2 * SLOPE[i] / total, within(1e-6));
            }
        }
    }

    @Test
    void saveThenLoadRestoresMomentsAndCount() throws Exception {
        NDArray w = parameter();
        NDArray twin = parameter();
        Path file = tempFile();
        try (AdamOptimizer adam = AdamOptimizer.builder().setLearningRate(0.05f).build(manager, Map.of("w", w));
             AdamOptimizer restored = AdamOptimizer.builder().setLearningRate(0.05f).build(manager, Map.of("w", twin))) {
            for (int t = 0; t < 4; t++) {
                backwardLinear(w);
                adam.step();
            }
            adam.save(file);
            twin.set(w.toFloatArray());
            restored.load(file);
            assertThat(restored.updates()).isEqualTo(4);
            backwardLinear(w);
            adam.step();
            backwardLinear(twin);
            restored.step();
            assertThat(twin.toFloatArray()).isEqualTo(w.toFloatArray());
        }
    }

    private NDArray parameter() {
        NDArray w = manager.create(START);
        w.setRequiresGradient(true);
        return w;
    }

    /** loss = Σ SLOPE·w, so the gradient is SLOPE. */
    private void backwardLinear(NDArray w) {
        try (NDManager step = manager.newSubManager(); GradientTape tape = GradientTape.record()) {
            NDArray c = step.create(SLOPE);
            tape.backward(c.mul(w).sum());
        }
    }

    private Map<String, NDArray> readMoments(Path file, Map<String, NDArray> like) throws java.io.IOException {
        Map<String, NDArray> moments = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : like.entrySet()) {
            moments.put("m." + e.getKey(), manager.zeros(e.getValue().getShape()));
            moments.put("v." + e.getKey(), manager.zeros(e.getValue().getShape()));
        }
        TensorFiles.readInto(file.resolveSibling(file.getFileName() + ".moments"), moments);
        return moments;
    }

    private static Path tempFile() {
        try {
            return Files.createTempDirectory("adam-").resolve("adam.bin");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
