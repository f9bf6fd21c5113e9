package io.corrigo.plugin.clic;

import io.corrigo.djl.Batch;
import io.corrigo.djl.EpochSampler;
import io.corrigo.djl.ReplayBuffer;
import io.corrigo.djl.ebm.CandidateSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * CLIC's buffer {@code D} of {@code (s, a^r, h, e)} tuples (clic.md §2.3): FIFO, sampled uniformly
 * without replacement within an epoch. Single-threaded.
 */
final class CorrectionBuffer {

    private static final int OBSERVATION = 0;
    private static final int ROBOT = 1;
    private static final int H = 2;
    private static final int SCALE = 3;

    private final ReplayBuffer records;
    private final EpochSampler sampler;
    private final int observationSize;
    private final int actionSize;
    private final float[] scale = new float[1];
    private float[] observations = new float[0];

    CorrectionBuffer(int capacity, int observationSize, int actionSize, RandomGenerator random) {
        this.observationSize = observationSize;
        this.actionSize = actionSize;
        records = ReplayBuffer.builder().setCapacity(capacity).addField("observation", observationSize)
                .addField("robot", actionSize).addField("h", actionSize).addField("scale", 1).build();
        sampler = new EpochSampler(records, random);
    }

    void add(float[] observation, Correction c) {
        scale[0] = c.scale();
        records.add(observation, c.robot(), c.h(), scale);
    }

    int size() {
        return records.size();
    }

    EpochSampler sampler() {
        return sampler;
    }

    /** Sets the observations of {@code batch} into {@code set} and returns its corrections. */
    List<Correction> gather(Batch batch, CandidateSet set) {
        int n = batch.size();
        if (observations.length < n * observationSize) {
            observations = new float[n * observationSize];
        }
        batch.gather(OBSERVATION, observations);
        for (int b = 0; b < n; b++) {
            set.setObservation(b, observations, b * observationSize);
        }
        return corrections(batch);
    }

    /** The corrections of {@code batch}, in batch order. */
    List<Correction> corrections(Batch batch) {
        List<Correction> out = new ArrayList<>(batch.size());
        for (int b = 0; b < batch.size(); b++) {
            out.add(correction(batch.slot(b)));
        }
        return out;
    }

    /** Up to {@code k} corrections whose observations are nearest {@code observation}. */
    List<Correction> nearest(float[] observation, int k) {
        float[] row = new float[observationSize];
        return IntStream.range(0, records.size()).boxed()
                .sorted(Comparator.comparingDouble(slot -> {
                    records.copy(OBSERVATION, slot, row, 0);
                    double d = 0;
                    for (int i = 0; i < row.length; i++) {
                        d += (row[i] - observation[i]) * (row[i] - observation[i]);
                    }
                    return d;
                }))
                .limit(k).map(this::correction).toList();
    }

    void save(Path file) throws IOException {
        records.save(file);
    }

    void load(Path file) throws IOException {
        records.load(file);
    }

    /** The records slot for slot and the sampler's epoch, under {@code directory}, for a checkpoint. */
    void saveState(Path directory) throws IOException {
        records.saveState(directory.resolve("corrections.state"));
        sampler.saveState(directory.resolve("sampler.state"));
    }

    /** Restores what {@link #saveState} wrote. */
    void restoreState(Path directory) throws IOException {
        records.restoreState(directory.resolve("corrections.state"));
        sampler.restoreState(directory.resolve("sampler.state"));
    }

    private Correction correction(int slot) {
        float[] robot = new float[actionSize];
        float[] h = new float[actionSize];
        records.copy(ROBOT, slot, robot, 0);
        records.copy(H, slot, h, 0);
        return new Correction(robot, h, records.get(SCALE, slot, 0));
    }
}
