package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link InPlaceRelu}: libtorch's relu_, recorded by autograd, with DJL's relu's numbers bit for bit. */
@Epic("DJL toolkit")
@Feature("In-place ReLU")
class InPlaceReluTest {

    @RegisterExtension
    final CpuManagerPerTest cpu = new CpuManagerPerTest();

    @Test
    void loadsAndPassesItsCheckOnLinuxX86() {
        NativeLibraryAssumptions.assumeBuiltAndOn("corrigo.inPlaceRelu", "CORRIGO_IN_PLACE_RELU");
        assertThat(InPlaceRelu.available()).as(InPlaceRelu.describe()).isTrue();
        assertThat(InPlaceRelu.describe()).isEqualTo("on: libtorch's relu_, in place");
    }

    @Test
    void overwritesItsInputWithDjlsReluBitForBit() {
        assumeTrue(InPlaceRelu.available(), InPlaceRelu::describe);
        NDArray x = cpu.manager().randomNormal(new Shape(2, 256, 256));
        float[] expected = Activation.relu(x).toFloatArray();
        NDArray y = InPlaceRelu.apply(x);
        assertThat(y).isSameAs(x);
        assertThat(InPlaceRelu.bits(y.toFloatArray())).containsExactly(InPlaceRelu.bits(expected));
    }

    @Test
    void backPropagatesTheGradientsOfAnOutOfPlaceReluBitForBit() {
        assumeTrue(InPlaceRelu.available(), InPlaceRelu::describe);
        SplittableRandom random = new SplittableRandom(12);
        float[] w = new float[6 * 5];
        float[] x = new float[4 * 6];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[][] outOfPlace = gradients(w, x, false);
        float[][] inPlace = gradients(w, x, true);
        assertThat(InPlaceRelu.bits(inPlace[0])).as("output").containsExactly(InPlaceRelu.bits(outOfPlace[0]));
        assertThat(InPlaceRelu.bits(inPlace[1])).as("weight gradient").containsExactly(InPlaceRelu.bits(outOfPlace[1]));
        assertThat(outOfPlace[0]).as("some values are cut by the ReLU").contains(0f);
        assertThat(outOfPlace[1]).as("the gradient reaches the weights").doesNotContain(Float.NaN).isNotEqualTo(new float[30]);
    }

    @Test
    void libtorchRefusesTheBackwardPassWhenTheOverwrittenValuesWereNeeded() {
        assumeTrue(InPlaceRelu.available(), InPlaceRelu::describe);
        try (GradientTape tape = GradientTape.record()) {
            NDArray x = cpu.manager().create(new float[] {-1f, 0.5f, 2f});
            x.setRequiresGradient(true);
            NDArray e = x.exp();                 // exp's backward pass reads its own output
            NDArray y = InPlaceRelu.apply(e.sub(2f)).add(e);
            NDArray overwritten = InPlaceRelu.apply(e);
            assertThat(overwritten).isSameAs(e);
            assertThatThrownBy(() -> tape.backward(y.sum())).hasMessageContaining("modified by an inplace operation");
        }
    }

    @Test
    void aLeafThatRequiresGradientsIsRefusedWithLibtorchsReason() {
        assumeTrue(InPlaceRelu.available(), InPlaceRelu::describe);
        try (GradientTape ignored = GradientTape.record()) {
            NDArray leaf = cpu.manager().create(new float[] {-1f, 1f});
            leaf.setRequiresGradient(true);
            assertThatThrownBy(() -> InPlaceRelu.apply(leaf)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("leaf Variable that requires grad");
        }
    }

    /** {@code [relu(x·W), ∂Σ relu(x·W)·c / ∂W]} with the ReLU in place or not. */
    private float[][] gradients(float[] w, float[] x, boolean inPlace) {
        NDArray weight = cpu.manager().create(w, new Shape(6, 5));
        weight.setRequiresGradient(true);
        NDArray input = cpu.manager().create(x, new Shape(4, 6));
        try (GradientTape tape = GradientTape.record()) {
            NDArray product = input.matMul(weight);
            NDArray out = inPlace ? InPlaceRelu.apply(product) : Activation.relu(product);
            float[] values = out.toFloatArray();
            tape.backward(out.mul(cpu.manager().arange(1f, 21f).reshape(4, 5)).sum());
            return new float[][] {values, weight.getGradient().toFloatArray()};
        }
    }
}
