package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@Epic("DJL toolkit")
@Feature("Replay buffer")
class BatchScheduleTest {

    private final ReplayBuffer buffer = ReplayBuffer.builder().setCapacity(50).addField("observation", 1)
            .addField("label", 1).build();

    private void add(int count) {
        for (int k = 0; k < count; k++) {
            buffer.add(Observation.of(buffer.size()), Action.of(0f));
        }
    }

    private BatchSchedule schedule(int minBufferSize, int batchSize, long seed) {
        return new BatchSchedule(new EpochSampler(buffer, new SplittableRandom(seed)), buffer::size, minBufferSize,
                batchSize);
    }

    private static List<Integer> slots(Batch batch) {
        return IntStream.range(0, batch.size()).map(batch::slot).boxed().toList();
    }

    @Test
    void isNotReadyUntilTheBufferHoldsMinBufferSizeRecords() {
        BatchSchedule schedule = schedule(3, 8, 1);
        add(2);
        assertThat(schedule.ready()).isFalse();
        add(1);
        assertThat(schedule.ready()).isTrue();
    }

    @Test
    void drawsAtMostBatchSizeRecordsAndNoMoreThanItHolds() {
        BatchSchedule schedule = schedule(1, 8, 1);
        add(5);
        assertThat(schedule.next().size()).isEqualTo(5);
        add(10);
        assertThat(schedule.batchSize()).isEqualTo(8);
        assertThat(schedule.next().size()).isEqualTo(8);
    }

    @Test
    void nextWithNewestEndsWithTheNewestRecord() {
        BatchSchedule schedule = schedule(1, 4, 2);
        add(20);
        Batch batch = schedule.nextWithNewest();
        assertThat(batch.slot(3)).isEqualTo(buffer.newest());
    }

    @Test
    void repeatDrawsTheBatchesTheSamplerDrawsForTheSameSeed() {
        add(30);
        List<List<Integer>> viaSchedule = new ArrayList<>();
        schedule(1, 8, 7).repeat(6, () -> false, batch -> viaSchedule.add(slots(batch)));
        EpochSampler sampler = new EpochSampler(buffer, new SplittableRandom(7));
        List<List<Integer>> direct = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            direct.add(slots(sampler.next(8)));
        }
        assertThat(viaSchedule).isEqualTo(direct);
    }

    @Test
    void repeatStopsOnceCancelled() {
        add(10);
        List<Batch> seen = new ArrayList<>();
        schedule(1, 4, 3).repeat(10, () -> seen.size() >= 3, seen::add);
        assertThat(seen).hasSize(3);
    }

    @Test
    void repeatDoesNothingBeforeTheBufferIsReady() {
        add(4);
        List<Batch> seen = new ArrayList<>();
        schedule(5, 4, 3).repeat(10, () -> false, seen::add);
        assertThat(seen).isEmpty();
    }

    @Test
    void rejectsAMinBufferSizeOrBatchSizeBelowOne() {
        EpochSampler sampler = new EpochSampler(buffer, new SplittableRandom(1));
        assertThatThrownBy(() -> new BatchSchedule(sampler, buffer::size, 0, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minBufferSize");
        assertThatThrownBy(() -> new BatchSchedule(sampler, buffer::size, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
    }
}
