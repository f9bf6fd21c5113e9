package io.corrigo.plugin.clic;

import io.corrigo.api.learner.Learner;
import io.corrigo.api.run.Checkpointable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A CLIC learner's checkpoint: what {@link Learner#save} keeps (network, optimiser, counters, the
 * corrections in order) plus its correction buffer slot for slot and the sampler's place in its
 * epoch, so that a restored learner draws the same batches.
 */
interface BufferedState extends Learner, Checkpointable {

    /** The learner's corrections. */
    CorrectionBuffer buffer();

    @Override
    default void checkpoint(Path directory) throws IOException {
        save(directory);
        buffer().saveState(directory);
    }

    @Override
    default void restore(Path directory) throws IOException {
        load(directory);
        buffer().restoreState(directory);
    }
}
