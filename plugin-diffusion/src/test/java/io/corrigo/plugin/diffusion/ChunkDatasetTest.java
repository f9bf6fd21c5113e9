package io.corrigo.plugin.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Epic("Learners")
@Feature("diffusion")
class ChunkDatasetTest {

    @TempDir
    Path dir;

    /** Steps 0..length-1 with observation = step and action = 100 + step, labelled where {@code labelled}. */
    private static ChunkDataset episode(Horizons h, int length, boolean finished, boolean... labelled) {
        ChunkDataset d = new ChunkDataset(1, 1, h, 1000, new SplittableRandom(1));
        for (int t = 0; t < length; t++) {
            d.add(new float[] {t}, new float[] {100 + t}, labelled.length == 0 || labelled[t]);
        }
        if (finished) {
            d.endEpisode();
        }
        return d;
    }

    @Test
    void windowsPadBeforeTheStartAndAfterTheEndByRepetition() {
        // To 2, Tp 4, Ta 2: anchor t holds obs t-1, t and actions t-1 .. t+2
        ChunkDataset d = episode(new Horizons(2, 4, 2), 3, false);
        assertThat(d.windows()).isEqualTo(3);
        float[][] all = windows(d, 3, 2, 4);
        assertThat(all[0]).containsExactly(0, 0, 100, 100, 101, 102);
        assertThat(all[1]).containsExactly(0, 1, 100, 101, 102, 102);
        assertThat(all[2]).containsExactly(1, 2, 101, 102, 102, 102);
    }

    @Test
    void aFinishedEpisodeAnchorsOnlyWindowsWhoseExecutedActionsAreInside() {
        // Tp - To + 1 - Ta = 8 - 2 + 1 - 4 = 3: the last three steps of a finished episode anchor nothing
        assertThat(episode(new Horizons(2, 8, 4), 10, true).windows()).isEqualTo(7);
        assertThat(episode(new Horizons(2, 8, 4), 10, false).windows()).isEqualTo(10);
        assertThat(episode(new Horizons(1, 1, 1), 10, true).windows()).isEqualTo(10);
        assertThat(episode(new Horizons(2, 8, 4), 2, true).windows()).isEqualTo(1);
    }

    @Test
    void onlyLabelledStepsAnchorAndUnlabelledSlotsAreMaskedOut() {
        ChunkDataset d = episode(new Horizons(1, 3, 1), 4, false, false, true, false, false);
        assertThat(d.windows()).isEqualTo(1);
        float[] obs = new float[1];
        float[] actions = new float[3];
        float[] mask = new float[3];
        d.fill(1, false, obs, actions, mask);
        assertThat(obs).containsExactly(1);
        assertThat(actions).containsExactly(101, 102, 103);
        assertThat(mask).containsExactly(1, 0, 0);
    }

    @Test
    void theNewestLabelTakesTheLastSlotWhenAsked() {
        ChunkDataset d = episode(new Horizons(1, 1, 1), 20, false);
        float[] obs = new float[4];
        d.fill(4, true, obs, new float[4], new float[4]);
        assertThat(obs[3]).isEqualTo(19);
    }

    @Test
    void theOldestEpisodesGoFirstWhenFull() {
        ChunkDataset d = new ChunkDataset(1, 1, new Horizons(1, 1, 1), 10, new SplittableRandom(1));
        for (int e = 0; e < 3; e++) {
            for (int t = 0; t < 6; t++) {
                d.add(new float[] {e}, new float[] {e}, true);
            }
            d.endEpisode();
        }
        assertThat(d.steps()).isEqualTo(6);
        float[] obs = new float[6];
        d.fill(6, false, obs, new float[6], new float[6]);
        assertThat(obs).containsOnly(2);
    }

    @Test
    void saveThenLoadKeepsEveryWindow() throws Exception {
        Horizons h = new Horizons(2, 4, 2);
        ChunkDataset d = episode(h, 9, true, true, false, true, true, false, true, true, true, false);
        Path file = dir.resolve("windows.bin");
        d.save(file);
        ChunkDataset copy = new ChunkDataset(1, 1, h, 1000, new SplittableRandom(1));
        copy.load(file);
        assertThat(Files.size(file)).isPositive();
        assertThat(copy.steps()).isEqualTo(d.steps());
        assertThat(copy.windows()).isEqualTo(d.windows());
        assertThat(windows(copy, d.windows(), 2, 4)).isDeepEqualTo(windows(d, d.windows(), 2, 4));
    }

    /** Every window of the epoch as [obs…, actions…], in the sampler's order. */
    private static float[][] windows(ChunkDataset d, int n, int to, int tp) {
        float[] obs = new float[n * to];
        float[] actions = new float[n * tp];
        d.fill(n, false, obs, actions, new float[n * tp]);
        float[][] rows = new float[n][to + tp];
        for (int b = 0; b < n; b++) {
            System.arraycopy(obs, b * to, rows[b], 0, to);
            System.arraycopy(actions, b * tp, rows[b], to, tp);
        }
        java.util.Arrays.sort(rows, java.util.Arrays::compare);
        return rows;
    }
}
