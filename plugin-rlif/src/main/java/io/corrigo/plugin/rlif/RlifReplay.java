package io.corrigo.plugin.rlif;

import io.corrigo.djl.ReplayBuffer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.random.RandomGenerator;

/**
 * The online buffer of labelled transitions and the demonstration buffer (reward 0), sampled
 * uniformly with replacement — half of every batch from each once there are demonstrations
 * (RLPD's symmetric sampling; baselines.md §1.2: the offline half is the demonstrations with reward
 * 0, never task reward). Fields are normalised observations and actions. Single-threaded.
 */
final class RlifReplay {

    /** A sampled batch, row-major, reused between draws. */
    static final class Rows {
        final float[] observations;
        final float[] actions;
        final float[] rewards;
        final float[] next;
        final float[] masks;

        Rows(int batch, int dObs, int dAct) {
            observations = new float[batch * dObs];
            actions = new float[batch * dAct];
            rewards = new float[batch];
            next = new float[batch * dObs];
            masks = new float[batch];
        }
    }

    private final ReplayBuffer online;
    private final ReplayBuffer demonstrations;
    private final double demonstrationShare;
    private final int dObs;
    private final int dAct;
    private final float[] scalar = new float[1];

    RlifReplay(int capacity, int demonstrationCapacity, int dObs, int dAct, double demonstrationShare) {
        online = buffer(capacity, dObs, dAct);
        demonstrations = buffer(demonstrationCapacity, dObs, dAct);
        this.demonstrationShare = demonstrationShare;
        this.dObs = dObs;
        this.dAct = dAct;
    }

    private static ReplayBuffer buffer(int capacity, int dObs, int dAct) {
        return ReplayBuffer.builder().setCapacity(capacity).addField("observation", dObs).addField("action", dAct)
                .addField("reward", 1).addField("next", dObs).addField("mask", 1).build();
    }

    void addOnline(float[] observation, float[] action, float reward, float[] next, boolean terminal) {
        online.add(observation, action, new float[] {reward}, next, new float[] {terminal ? 0f : 1f});
    }

    void addDemonstration(float[] observation, float[] action, float[] next, boolean terminal) {
        demonstrations.add(observation, action, new float[] {0f}, next, new float[] {terminal ? 0f : 1f});
    }

    int online() {
        return online.size();
    }

    int demonstrations() {
        return demonstrations.size();
    }

    /** Fills {@code rows[offset … offset + n)} with a draw: a share from the demonstrations if there are any. */
    void sample(int n, Rows rows, RandomGenerator random) {
        int fromDemonstrations = demonstrations.size() == 0 ? 0 : (int) Math.round(n * demonstrationShare);
        if (online.size() == 0) {
            fromDemonstrations = n;
        }
        for (int i = 0; i < n; i++) {
            ReplayBuffer b = i < fromDemonstrations ? demonstrations : online;
            int slot = random.nextInt(b.size());
            b.copy(0, slot, rows.observations, i * dObs);
            b.copy(1, slot, rows.actions, i * dAct);
            b.copy(2, slot, scalar, 0);
            rows.rewards[i] = scalar[0];
            b.copy(3, slot, rows.next, i * dObs);
            b.copy(4, slot, scalar, 0);
            rows.masks[i] = scalar[0];
        }
    }

    void save(Path directory) throws IOException {
        online.save(directory.resolve("online.bin"));
        demonstrations.save(directory.resolve("demonstrations.bin"));
    }

    void load(Path directory) throws IOException {
        online.load(directory.resolve("online.bin"));
        demonstrations.load(directory.resolve("demonstrations.bin"));
    }

    /** Both buffers slot for slot (draws pick slots), for a checkpoint. */
    void saveState(Path directory) throws IOException {
        online.saveState(directory.resolve("online.state"));
        demonstrations.saveState(directory.resolve("demonstrations.state"));
    }

    void restoreState(Path directory) throws IOException {
        online.restoreState(directory.resolve("online.state"));
        demonstrations.restoreState(directory.resolve("demonstrations.state"));
    }
}
