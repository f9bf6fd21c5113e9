package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

@Epic("DJL toolkit")
@Feature("Replay buffer")
class ReplayBufferTest {

    private static ReplayBuffer buffer(int capacity) {
        return ReplayBuffer.builder().setCapacity(capacity).addField("observation", 2).addField("label", 1).build();
    }

    /** Record k holds observation (k, −k) and label 10k. */
    private static void addRecords(ReplayBuffer buffer, int from, int to) {
        for (int k = from; k < to; k++) {
            buffer.add(Observation.of(k, -k), Action.of(10f * k));
        }
    }

    private static int recordAt(ReplayBuffer buffer, int slot) {
        return (int) buffer.get(buffer.field("observation"), slot, 0);
    }

    @Test
    void evictsTheOldestRecordWhenFull() {
        ReplayBuffer buffer = buffer(4);
        addRecords(buffer, 0, 6);
        assertThat(buffer.size()).isEqualTo(4);
        Set<Integer> held = new HashSet<>();
        for (int slot = 0; slot < buffer.size(); slot++) {
            held.add(recordAt(buffer, slot));
        }
        assertThat(held).containsExactlyInAnyOrder(2, 3, 4, 5);
        assertThat(recordAt(buffer, buffer.newest())).isEqualTo(5);
        assertThat(buffer.get(buffer.field("label"), buffer.newest(), 0)).isEqualTo(50f);
    }

    @Test
    void samplesEveryRecordOncePerEpoch() {
        ReplayBuffer buffer = buffer(100);
        addRecords(buffer, 0, 40);
        EpochSampler sampler = new EpochSampler(buffer, new SplittableRandom(3));
        for (int epoch = 0; epoch < 3; epoch++) {
            List<Integer> seen = new ArrayList<>();
            for (int b = 0; b < 5; b++) {
                Batch batch = sampler.next(8);
                for (int i = 0; i < batch.size(); i++) {
                    seen.add(recordAt(buffer, batch.slot(i)));
                }
            }
            assertThat(seen).as("epoch %d", epoch).doesNotHaveDuplicates().hasSize(40);
        }
    }

    @Test
    void skipsTheShortTailAndReshufflesWhenTheBufferChanges() {
        ReplayBuffer buffer = buffer(100);
        addRecords(buffer, 0, 10);
        EpochSampler sampler = new EpochSampler(buffer, new SplittableRandom(4));
        Set<Integer> first = slots(sampler.next(4));
        Set<Integer> second = slots(sampler.next(4));
        assertThat(first).doesNotContainAnyElementsOf(second);
        Set<Integer> third = slots(sampler.next(4));
        assertThat(third).as("a new epoch after 8 of 10 were used").hasSize(4);
        addRecords(buffer, 10, 11);
        Set<Integer> afterChange = new HashSet<>();
        for (int b = 0; b < 2; b++) {
            afterChange.addAll(slots(sampler.next(4)));
        }
        assertThat(afterChange).hasSize(8);
    }

    @Test
    void forcesTheNewestRecordIntoTheLastPlace() {
        ReplayBuffer buffer = buffer(8);
        addRecords(buffer, 0, 13);
        EpochSampler sampler = new EpochSampler(buffer, new SplittableRandom(5));
        for (int k = 0; k < 20; k++) {
            Batch batch = sampler.nextWithNewest(4);
            assertThat(recordAt(buffer, batch.slot(3))).isEqualTo(12);
        }
    }

    @Test
    void sameSeedSamplesTheSameBatches() {
        ReplayBuffer buffer = buffer(50);
        addRecords(buffer, 0, 50);
        EpochSampler a = new EpochSampler(buffer, new SplittableRandom(9));
        EpochSampler b = new EpochSampler(buffer, new SplittableRandom(9));
        for (int k = 0; k < 10; k++) {
            assertThat(slotList(a.next(16))).isEqualTo(slotList(b.next(16)));
        }
    }

    @Test
    void gathersFieldsRowMajor() {
        ReplayBuffer buffer = buffer(10);
        addRecords(buffer, 0, 3);
        EpochSampler sampler = new EpochSampler(buffer, new SplittableRandom(1));
        Batch batch = sampler.next(3);
        float[] obs = new float[6];
        batch.gather(buffer.field("observation"), obs);
        java.nio.FloatBuffer labels = java.nio.FloatBuffer.allocate(3);
        batch.gather(buffer.field("label"), labels);
        for (int i = 0; i < 3; i++) {
            int k = recordAt(buffer, batch.slot(i));
            assertThat(obs[2 * i]).isEqualTo(k);
            assertThat(obs[2 * i + 1]).isEqualTo(-k);
            assertThat(labels.get(i)).isEqualTo(10f * k);
        }
    }

    @Test
    void rejectsRecordsOfTheWrongWidthAndBatchesLargerThanTheBuffer() {
        ReplayBuffer buffer = buffer(10);
        assertThatThrownBy(() -> buffer.add(Observation.of(1f), Action.of(1f)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("observation");
        addRecords(buffer, 0, 3);
        assertThatThrownBy(() -> new EpochSampler(buffer, new SplittableRandom(1)).next(4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saveThenLoadKeepsTheRecordsInOrder() throws Exception {
        ReplayBuffer buffer = buffer(5);
        addRecords(buffer, 0, 8);
        Path file = Files.createTempDirectory("buffer-").resolve("buffer.bin");
        buffer.save(file);
        ReplayBuffer restored = buffer(5);
        restored.load(file);
        assertThat(restored.size()).isEqualTo(5);
        assertThat(recordAt(restored, restored.newest())).isEqualTo(7);
        Set<Integer> held = new HashSet<>();
        for (int slot = 0; slot < restored.size(); slot++) {
            held.add(recordAt(restored, slot));
        }
        assertThat(held).containsExactlyInAnyOrder(3, 4, 5, 6, 7);
    }

    private static Set<Integer> slots(Batch batch) {
        return new HashSet<>(slotList(batch));
    }

    private static List<Integer> slotList(Batch batch) {
        List<Integer> s = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            s.add(batch.slot(i));
        }
        return s;
    }
}
