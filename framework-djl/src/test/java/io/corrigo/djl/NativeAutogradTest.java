package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.corrigo.api.run.ComputeDevice;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

/** libtorch's {@code autograd.grad} through {@link NativeAutograd}: it loads where it is built, and differentiates. */
@Epic("DJL toolkit")
@Feature("Double back-propagation")
class NativeAutogradTest {

    @Test
    void loadsAndPassesItsCheckOnLinuxX86() {
        NativeLibraryAssumptions.assumeBuiltAndOn("corrigo.nativeAutograd", "CORRIGO_NATIVE_AUTOGRAD");
        assertThat(NativeAutograd.available()).as(NativeAutograd.describe()).isTrue();
        assertThat(NativeAutograd.describe()).startsWith("on: libtorch's torch::autograd::grad");
    }

    @Test
    void differentiatesTwiceAndLeavesLeavesWithoutGradient() {
        assumeTrue(NativeAutograd.available(), NativeAutograd::describe);
        try (NDManager m = Devices.newManager(ComputeDevice.CPU); GradientTape ignored = GradientTape.record()) {
            NDArray w = m.create(new float[] {0.5f, -2f, 3f});
            w.setRequiresGradient(true);
            NDArray x = m.create(new float[] {1f, 4f, -1f});
            x.setRequiresGradient(true);
            NDArray y = x.mul(x).mul(x).mul(w);                        // w·x³
            NDArray dx = NativeAutograd.grad(y, x, y.onesLike(), true); // 3w·x²
            assertThat(dx.toFloatArray()).containsExactly(1.5f, -96f, 9f);
            NDArray dw = NativeAutograd.grad(dx, w, dx.onesLike(), false); // 3x²
            assertThat(dw.toFloatArray()).containsExactly(3f, 48f, 3f);
            assertThat(w.hasGradient() && w.getGradient().abs().sum().getFloat() != 0).as("w's .grad").isFalse();
            assertThat(dx.getManager()).isSameAs(m);
        }
    }

    @Test
    void reportsAnInputTheOutputDoesNotDependOnAsAnError() {
        assumeTrue(NativeAutograd.available(), NativeAutograd::describe);
        try (NDManager m = Devices.newManager(ComputeDevice.CPU); GradientTape ignored = GradientTape.record()) {
            NDArray x = m.create(new float[] {1f, 2f});
            x.setRequiresGradient(true);
            NDArray unrelated = m.create(new float[] {3f, 4f});
            unrelated.setRequiresGradient(true);
            NDArray y = x.mul(x);
            assertThatThrownBy(() -> NativeAutograd.grad(y, unrelated, y.onesLike(), false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not have been used in the graph");
        }
    }
}
