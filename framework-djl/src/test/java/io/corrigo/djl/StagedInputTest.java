package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link StagedInput}: every size holds exactly its values, and a second upload shows the new ones. */
@Epic("DJL toolkit")
@Feature("Tensors")
class StagedInputTest {

    @RegisterExtension
    final CpuManagerPerTest cpu = new CpuManagerPerTest();

    @Test
    void uploadsEverySizeWithExactlyItsValues() {
        for (int rows = 1; rows <= 40; rows++) {
            StagedInput staged = new StagedInput(cpu.manager(), new Shape(rows, 3));
            assertThat(staged.size()).isEqualTo(rows * 3);
            float[] values = new float[rows * 3];
            for (int i = 0; i < values.length; i++) {
                values[i] = i - 0.5f * rows;
            }
            staged.values().put(values);
            try (NDManager scope = cpu.manager().newSubManager()) {
                NDArray array = staged.upload(scope);
                assertThat(array.getShape()).isEqualTo(new Shape(rows, 3));
                assertThat(array.toFloatArray()).isEqualTo(values);
            }
        }
    }

    @Test
    void aSecondUploadShowsTheNewValues() {
        StagedInput staged = new StagedInput(cpu.manager(), new Shape(2));
        staged.values().put(new float[] {1f, 2f});
        assertThat(staged.upload(cpu.manager()).toFloatArray()).containsExactly(1f, 2f);
        staged.values().put(new float[] {3f, 4f});
        assertThat(staged.upload(cpu.manager()).toFloatArray()).containsExactly(3f, 4f);
    }
}
