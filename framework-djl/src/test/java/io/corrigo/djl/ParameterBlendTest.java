package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ParameterBlend}: Polyak / moving-average blends, natively where it loads, with DJL's numbers bit for bit. */
@Epic("DJL toolkit")
@Feature("Parameter averaging")
class ParameterBlendTest {

    @RegisterExtension
    final CpuManagerPerTest cpu = new CpuManagerPerTest();

    @Test
    void blendsLikeDjlsOperationsOnZeroDimensionalFactorsBitForBit() {
        assumeTrue(NativeAdam.available(), NativeAdam::describe);
        SplittableRandom random = new SplittableRandom(11);
        Map<String, NDArray> targets = new LinkedHashMap<>();
        Map<String, NDArray> twins = new LinkedHashMap<>();
        Map<String, NDArray> sources = new LinkedHashMap<>();
        for (int size : new int[] {3, 256, 65_536 + 5}) {
            float[] t = values(random, size);
            targets.put("p" + size, cpu.manager().create(t));
            twins.put("p" + size, cpu.manager().create(t));
            sources.put("p" + size, cpu.manager().create(values(random, size)));
        }
        ParameterBlend blend = new ParameterBlend(targets, sources);
        assertThat(blend.fused()).isTrue();
        float tau = 0.005f;
        try (NDArray keep = cpu.manager().create(1 - tau); NDArray take = cpu.manager().create(tau)) {
            for (int step = 0; step < 5; step++) {
                blend.apply(1 - tau, tau);
                for (String name : twins.keySet()) { // what CriticEnsemble.polyak did before
                    try (NDArray moved = sources.get(name).mul(take)) {
                        twins.get(name).muli(keep).addi(moved);
                    }
                    assertThat(targets.get(name).toFloatArray()).as("%s after step %d", name, step)
                            .isEqualTo(twins.get(name).toFloatArray());
                }
            }
        }
    }

    @Test
    void aStridedTargetTurnsTheBlendToDjlsOperations() {
        NDArray strided = cpu.manager().create(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, new Shape(2, 3)).transpose();
        NDArray source = cpu.manager().create(new float[] {0f, 0f, 0f, 0f, 0f, 0f}, new Shape(3, 2));
        ParameterBlend blend = new ParameterBlend(Map.of("w", strided), Map.of("w", source));
        blend.apply(0.5f, 0.5f);
        assertThat(blend.fused()).isFalse();
        assertThat(strided.toFloatArray()).containsExactly(0.5f, 2f, 1f, 2.5f, 1.5f, 3f);
    }

    @Test
    void rejectsSetsThatDoNotMatch() {
        NDArray a = cpu.manager().zeros(new Shape(2));
        NDArray b = cpu.manager().zeros(new Shape(3));
        assertThatThrownBy(() -> new ParameterBlend(Map.of("w", a), Map.of("v", a)))
                .hasMessageContaining("differ in names");
        assertThatThrownBy(() -> new ParameterBlend(Map.of("w", a), Map.of("w", b)))
                .hasMessageContaining("w: target (2) and source (3) differ in shape");
    }

    private static float[] values(SplittableRandom random, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) (random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-4, 3)));
        }
        return v;
    }
}
