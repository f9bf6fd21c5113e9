package io.corrigo.plugin.bc;

import io.corrigo.api.learner.Learner;
import io.corrigo.api.run.Checkpointable;
import io.corrigo.djl.EpochSampler;
import io.corrigo.djl.ReplayBuffer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A learner of this bundle whose state is a network (with its optimiser and counters) and a buffer
 * of labels drawn by an epoch sampler. {@code save}/{@code load} keep the labels in order (for an
 * exported policy); a checkpoint keeps the buffer slot for slot and the sampler's place in its
 * epoch, so that a restored learner draws the same batches.
 */
interface LabelledState extends Learner, Checkpointable {

    /** Writes the network, the optimiser's state and the counters under {@code directory}. */
    void saveNetwork(Path directory) throws IOException;

    /** Reads what {@link #saveNetwork} wrote. */
    void loadNetwork(Path directory) throws IOException;

    /** The labels buffer. */
    ReplayBuffer labels();

    /** The sampler drawing batches from {@link #labels()}. */
    EpochSampler labelSampler();

    @Override
    default void save(Path directory) throws IOException {
        saveNetwork(directory);
        labels().save(directory.resolve("labels.bin"));
    }

    @Override
    default void load(Path directory) throws IOException {
        loadNetwork(directory);
        labels().load(directory.resolve("labels.bin"));
    }

    @Override
    default void checkpoint(Path directory) throws IOException {
        saveNetwork(directory);
        labels().saveState(directory.resolve("labels.state"));
        labelSampler().saveState(directory.resolve("sampler.state"));
    }

    @Override
    default void restore(Path directory) throws IOException {
        loadNetwork(directory);
        labels().restoreState(directory.resolve("labels.state"));
        labelSampler().restoreState(directory.resolve("sampler.state"));
    }
}
