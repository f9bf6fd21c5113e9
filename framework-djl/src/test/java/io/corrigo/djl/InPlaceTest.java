package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link InPlace}: values land in the array's own memory, which views of it share. */
@Epic("DJL toolkit")
@Feature("Tensors")
class InPlaceTest {

    @RegisterExtension
    final CpuManagerPerTest cpu = new CpuManagerPerTest();

    @Test
    void copiesIntoTheMemoryThatAViewOfTheParameterShares() {
        NDArray parameter = cpu.manager().zeros(new Shape(2, 3)).duplicate();
        parameter.setRequiresGradient(true);
        NDArray view = parameter.stopGradient();
        InPlace.copy(new float[] {1f, -2f, 3f, -0f, 5f, 6f}, parameter);
        assertThat(parameter.toFloatArray()).containsExactly(1f, -2f, 3f, -0f, 5f, 6f);
        assertThat(view.toFloatArray()).as("the view still shares the parameter's memory")
                .containsExactly(1f, -2f, 3f, -0f, 5f, 6f);
        assertThat(Float.floatToRawIntBits(parameter.toFloatArray()[3])).as("negative zero kept")
                .isEqualTo(Float.floatToRawIntBits(-0f));
        assertThat(parameter.hasGradient()).as("still a parameter").isTrue();
    }

    @Test
    void copiesOneArrayIntoAnotherOfEveryRankUsed() {
        for (Shape shape : new Shape[] {new Shape(4), new Shape(2, 2), new Shape(1, 2, 2)}) {
            NDArray target = cpu.manager().zeros(shape).duplicate();
            NDArray view = target.reshape(4);
            InPlace.copy(cpu.manager().arange(4f).reshape(shape), target);
            assertThat(view.toFloatArray()).as("%s", shape).containsExactly(0f, 1f, 2f, 3f);
        }
    }

    @Test
    void rejectsAnotherShapeAndLeavesTheTargetAsItWas() {
        NDArray target = cpu.manager().ones(new Shape(2, 2)).duplicate();
        assertThatThrownBy(() -> InPlace.copy(new float[] {1f, 2f, 3f}, target))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 values into shape (2, 2)");
        assertThatThrownBy(() -> InPlace.copy(cpu.manager().zeros(new Shape(4)), target))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(4) into (2, 2)");
        assertThat(target.toFloatArray()).containsExactly(1f, 1f, 1f, 1f);
    }
}
