package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@Epic("DJL toolkit")
@Feature("Learner bookkeeping")
class PerBatchSizeTest {

    private final List<Integer> created = new ArrayList<>();
    private final PerBatchSize<String> cache = new PerBatchSize<>(4, n -> {
        created.add(n);
        return "rows:" + n;
    });

    @Test
    void createsTheValueOfASizeOnFirstUseOnly() {
        assertThat(created).isEmpty();
        assertThat(cache.get(3)).isEqualTo("rows:3");
        assertThat(cache.get(3)).isSameAs(cache.get(3));
        assertThat(created).containsExactly(3);
    }

    @Test
    void keepsTheValuesOfDifferentSizesApart() {
        assertThat(List.of(cache.get(1), cache.get(4), cache.get(2))).containsExactly("rows:1", "rows:4", "rows:2");
        assertThat(created).containsExactly(1, 4, 2);
    }

    @Test
    void rejectsSizesOutsideOneToTheLargest() {
        assertThatThrownBy(() -> cache.get(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, 4]");
        assertThatThrownBy(() -> cache.get(5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 5");
        assertThat(created).isEmpty();
    }

    @Test
    void rejectsAFactoryThatReturnsNull() {
        PerBatchSize<String> broken = new PerBatchSize<>(2, n -> null);
        assertThatThrownBy(() -> broken.get(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsALargestSizeBelowOne() {
        assertThatThrownBy(() -> new PerBatchSize<>(0, n -> "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
