package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.corrigo.api.run.ComputeDevice;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The input gradient of {@link Mlp#forwardWithInputGradient} against finite differences, and the
 * second-order parameter gradient of a loss on it against finite differences and against DJL's
 * {@code create_graph} double back-propagation.
 */
@Epic("DJL toolkit")
@Feature("Double back-propagation")
class MlpInputGradientTest {

    private static final int ROWS = 6;
    private static final int INPUT = 5;

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
    void inputGradientMatchesFiniteDifferencesForReluWithLayerNorm() {
        checkInputGradient(network(List.of(16, 12), Mlp.Activation.RELU, true));
    }

    @Test
    void inputGradientMatchesFiniteDifferencesForTanhWithoutLayerNorm() {
        checkInputGradient(network(List.of(10), Mlp.Activation.TANH, false));
    }

    @Test
    void inputGradientOfALinearModelIsItsWeightOnEveryRow() {
        Mlp linear = network(List.of(), Mlp.Activation.RELU, false);
        float[] w = linear.parameters().get("layers.0.weight").toFloatArray();
        try (NDManager step = manager.newSubManager(); NoGradient ignored = NoGradient.enter()) {
            float[] g = linear.forwardWithInputGradient(inputs(step, 3)).get(1).toFloatArray();
            for (int r = 0; r < ROWS; r++) {
                for (int i = 0; i < INPUT; i++) {
                    assertThat(g[r * INPUT + i]).isCloseTo(w[i], within(1e-6f));
                }
            }
        }
    }

    @Test
    void outputEqualsTheFusedForward() {
        Mlp mlp = network(List.of(16, 12), Mlp.Activation.RELU, true);
        try (NDManager step = manager.newSubManager(); NoGradient ignored = NoGradient.enter()) {
            NDArray x = inputs(step, 4);
            float[] fused = mlp.forward(x).toFloatArray();
            float[] manual = mlp.forwardWithInputGradient(x).get(0).toFloatArray();
            for (int r = 0; r < ROWS; r++) {
                assertThat(manual[r]).isCloseTo(fused[r], within(1e-5f));
            }
        }
    }

    @Test
    void penaltyGradientMatchesFiniteDifferencesOfTheParameters() {
        Mlp mlp = network(List.of(8, 8), Mlp.Activation.TANH, true);
        Map<String, float[]> analytic = parameterGradients(mlp);
        SplittableRandom pick = new SplittableRandom(5);
        for (Map.Entry<String, NDArray> p : mlp.parameters().entrySet()) {
            for (int probe = 0; probe < 3; probe++) {
                int k = pick.nextInt((int) p.getValue().size());
                double numeric = finiteDifference(mlp, p.getValue(), k);
                assertThat(analytic.get(p.getKey())[k]).as("∂L/∂%s[%d]", p.getKey(), k)
                        .isCloseTo((float) numeric, within((float) (2e-3 + 2e-2 * Math.abs(numeric))));
            }
        }
    }

    @Test
    void agreesWithDjlCreateGraphDoubleBackprop() {
        Mlp mlp = network(List.of(16, 12), Mlp.Activation.RELU, true);
        Map<String, float[]> analytic = parameterGradients(mlp);
        Map<String, float[]> createGraph = new java.util.LinkedHashMap<>();
        try (NDManager step = manager.newSubManager()) {
            NDArray x = inputs(step, 9);
            x.setRequiresGradient(true);
            try (GradientTape tape = GradientTape.record()) {
                tape.backwardCreatingGraph(mlp.forward(x).sum());
                NDArray g = x.getGradient();
                for (NDArray p : mlp.parameters().values()) {
                    JniUtils.zeroGrad((PtNDArray) p);
                }
                tape.backward(loss(g));
            }
            for (Map.Entry<String, NDArray> p : mlp.parameters().entrySet()) {
                createGraph.put(p.getKey(), p.getValue().getGradient().toFloatArray());
            }
        }
        for (String name : analytic.keySet()) {
            float[] a = analytic.get(name);
            float[] b = createGraph.get(name);
            for (int k = 0; k < a.length; k++) {
                assertThat(a[k]).as("%s[%d]", name, k).isCloseTo(b[k], within(1e-5f + 1e-4f * Math.abs(b[k])));
            }
        }
    }

    @Test
    void libtorchDoubleBackpropagationAgreesWithTheWrittenOutOne() {
        assumeTrue(NativeAutograd.available(), NativeAutograd::describe);
        Mlp mlp = network(List.of(16, 12), Mlp.Activation.RELU, true);
        Map<String, float[]> libtorch = parameterGradients(mlp);
        Map<String, float[]> written = new java.util.LinkedHashMap<>();
        Map<String, NDArray> p = mlp.parameters();
        for (NDArray parameter : p.values()) {
            JniUtils.zeroGrad((PtNDArray) parameter);
        }
        try (NDManager step = manager.newSubManager()) {
            NDList out;
            try (GradientTape tape = GradientTape.record()) {
                out = InputGradient.of(inputs(step, 9), List.of(p.get("layers.0.weight"), p.get("layers.1.weight"),
                        p.get("layers.2.weight")), List.of(p.get("layers.0.bias"), p.get("layers.1.bias"),
                        p.get("layers.2.bias")), List.of(p.get("norms.0.weight"), p.get("norms.1.weight")),
                        List.of(p.get("norms.0.bias"), p.get("norms.1.bias")), Mlp.Activation.RELU,
                        step.create(1e-5f), step.create(0f), step.create(1f));
                tape.backward(loss(out.get(1)));
            }
            for (Map.Entry<String, NDArray> e : p.entrySet()) {
                written.put(e.getKey(), e.getValue().getGradient().toFloatArray());
            }
        }
        boolean anyDifferent = false;
        for (String name : written.keySet()) {
            float[] a = libtorch.get(name);
            float[] b = written.get(name);
            for (int k = 0; k < a.length; k++) {
                assertThat(a[k]).as("%s[%d]", name, k).isCloseTo(b[k], within(1e-5f + 1e-4f * Math.abs(b[k])));
                anyDifferent |= a[k] != b[k];
            }
        }
        // the two routes are different computations (they round differently), not one route twice
        assertThat(anyDifferent).as("libtorch's gradients differ from the written-out ones in some bit").isTrue();
    }

    @Test
    void libtorchInputGradientEqualsTheWrittenOutOneAndFollowsParameterUpdates() {
        for (Mlp mlp : List.of(network(List.of(16, 12), Mlp.Activation.RELU, true),
                network(List.of(10), Mlp.Activation.TANH, false))) {
            assertSameInputGradients(mlp);
            // a changed parameter shows at once
            NDArray w = mlp.parameters().get("layers.0.weight");
            float[] doubled = w.toFloatArray();
            for (int i = 0; i < doubled.length; i++) {
                doubled[i] *= 2;
            }
            set(w, doubled);
            assertSameInputGradients(mlp);
        }
    }

    @Test
    void libtorchInputGradientLeavesTheParametersGradientsAlone() {
        Mlp mlp = network(List.of(16, 12), Mlp.Activation.RELU, true);
        Map<String, float[]> before = parameterGradients(mlp);
        try (NDManager step = manager.newSubManager()) {
            mlp.inputGradient(inputs(step, 11));
        }
        for (Map.Entry<String, NDArray> p : mlp.parameters().entrySet()) {
            assertThat(p.getValue().getGradient().toFloatArray()).as(p.getKey()).containsExactly(before.get(p.getKey()));
            assertThat(p.getValue().hasGradient()).as(p.getKey()).isTrue();
        }
    }

    private void assertSameInputGradients(Mlp mlp) {
        try (NDManager step = manager.newSubManager()) {
            NDArray x = inputs(step, 10);
            float[] autograd = mlp.inputGradient(x).toFloatArray();
            float[] written;
            try (NoGradient ignored = NoGradient.enter()) {
                written = mlp.forwardWithInputGradient(x).get(1).toFloatArray();
            }
            assertThat(autograd).hasSize(ROWS * INPUT);
            for (int k = 0; k < autograd.length; k++) {
                assertThat(autograd[k]).as("∂Q/∂x[%d]", k).isCloseTo(written[k], within(1e-5f + 1e-4f * Math.abs(written[k])));
            }
        }
    }

    @Test
    void refusesSeveralOrSquashedOutputs() {
        Mlp two = Mlp.builder().setInputSize(3).setHiddenSizes(List.of(4)).setOutputSize(2)
                .build(manager, new SplittableRandom(1));
        Mlp squashed = Mlp.builder().setInputSize(3).setHiddenSizes(List.of(4)).setOutputSize(1)
                .optOutputSquash(Mlp.OutputSquash.TANH).build(manager, new SplittableRandom(1));
        NDArray x = manager.zeros(new Shape(2, 3));
        assertThatThrownBy(() -> two.forwardWithInputGradient(x)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> squashed.forwardWithInputGradient(x)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> two.inputGradient(x)).isInstanceOf(IllegalStateException.class);
    }

    private void checkInputGradient(Mlp mlp) {
        float eps = 1e-3f;
        float[] base = inputValues(8);
        float[] analytic;
        try (NDManager step = manager.newSubManager(); NoGradient ignored = NoGradient.enter()) {
            analytic = mlp.forwardWithInputGradient(step.create(base, new Shape(ROWS, INPUT))).get(1).toFloatArray();
        }
        for (int k = 0; k < base.length; k++) {
            float[] plus = base.clone();
            float[] minus = base.clone();
            plus[k] += eps;
            minus[k] -= eps;
            int row = k / INPUT;
            double numeric = (output(mlp, plus)[row] - output(mlp, minus)[row]) / (2.0 * eps);
            assertThat(analytic[k]).as("∂Q/∂x[%d]", k).isCloseTo((float) numeric, within(2e-3f));
        }
    }

    /** {@code L = mean(‖g‖²) + mean(max(0, ‖g‖∞ − 0.5)²)}: smooth plus the penalty's own shape. */
    private static NDArray loss(NDArray g) {
        return g.square().mean().add(ai.djl.nn.Activation.relu(g.abs().max(new int[] {1}).sub(0.5f)).square().mean());
    }

    private Map<String, float[]> parameterGradients(Mlp mlp) {
        for (NDArray p : mlp.parameters().values()) {
            JniUtils.zeroGrad((PtNDArray) p);
        }
        try (NDManager step = manager.newSubManager()) {
            NDArray x = inputs(step, 9);
            try (GradientTape tape = GradientTape.record()) {
                NDList out = mlp.forwardWithInputGradient(x);
                tape.backward(loss(out.get(1)));
            }
            Map<String, float[]> grads = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, NDArray> p : mlp.parameters().entrySet()) {
                grads.put(p.getKey(), p.getValue().getGradient().toFloatArray());
            }
            return grads;
        }
    }

    private double finiteDifference(Mlp mlp, NDArray parameter, int k) {
        float eps = 2e-3f;
        float[] original = parameter.toFloatArray();
        double[] values = new double[2];
        for (int side = 0; side < 2; side++) {
            float[] changed = original.clone();
            changed[k] += side == 0 ? eps : -eps;
            set(parameter, changed);
            try (NDManager step = manager.newSubManager(); NoGradient ignored = NoGradient.enter()) {
                values[side] = loss(mlp.forwardWithInputGradient(inputs(step, 9)).get(1)).getFloat();
            }
        }
        set(parameter, original);
        return (values[0] - values[1]) / (2.0 * eps);
    }

    private static void set(NDArray parameter, float[] values) {
        try (NoGradient ignored = NoGradient.enter()) {
            parameter.set(values);
        }
    }

    private float[] output(Mlp mlp, float[] input) {
        try (NDManager step = manager.newSubManager()) {
            return mlp.predict(step.create(input, new Shape(ROWS, INPUT))).toFloatArray();
        }
    }

    /** A network with random (non-zero) output layer and, with LayerNorm, random gains and shifts. */
    private Mlp network(List<Integer> hidden, Mlp.Activation activation, boolean layerNorm) {
        Mlp.Builder b = Mlp.builder().setInputSize(INPUT).setHiddenSizes(hidden).setOutputSize(1).optActivation(activation);
        if (layerNorm) {
            b.optLayerNorm();
        }
        Mlp mlp = b.build(manager, new SplittableRandom(3));
        SplittableRandom r = new SplittableRandom(4);
        for (Map.Entry<String, NDArray> p : mlp.parameters().entrySet()) {
            if (p.getKey().startsWith("norms.")) {
                float[] v = new float[(int) p.getValue().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (p.getKey().endsWith("weight") ? 0.5 + r.nextDouble() : r.nextDouble(-0.3, 0.3));
                }
                set(p.getValue(), v);
            }
        }
        return mlp;
    }

    private NDArray inputs(NDManager step, long seed) {
        return step.create(inputValues(seed), new Shape(ROWS, INPUT));
    }

    private static float[] inputValues(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = new float[ROWS * INPUT];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) r.nextDouble(-1, 1);
        }
        return out;
    }
}
