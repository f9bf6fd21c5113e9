package io.corrigo.djl;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.random.RandomGenerator;

/**
 * Draws batches from a {@link ReplayBuffer} uniformly without replacement within an epoch, as
 * CLIC's {@code Buffer_uniform_sampling} does: a shuffled permutation of the slots is consumed in
 * consecutive slices, and reshuffled when the next slice would run past its end (the short tail
 * is skipped) or when the buffer has changed since the last shuffle.
 *
 * <p>The returned {@link Batch} is reused: it is valid until the next call. Single-threaded.
 *
 * @since 1.0
 */
public final class EpochSampler {

    private final ReplayBuffer buffer;
    private final RandomGenerator random;
    private final Batch batch;
    private int[] permutation = new int[0];
    private int length;
    private int cursor;
    private long shuffledAt = -1;

    /** A sampler over {@code buffer} drawing from {@code random}. */
    public EpochSampler(ReplayBuffer buffer, RandomGenerator random) {
        this.buffer = buffer;
        this.random = random;
        this.batch = new Batch(buffer);
    }

    /** The next {@code batchSize} distinct records of the epoch. */
    public Batch next(int batchSize) {
        if (batchSize < 1 || batchSize > buffer.size()) {
            throw new IllegalArgumentException(
                    "batch size must be in [1, " + buffer.size() + "] (the buffer size), was " + batchSize);
        }
        if (shuffledAt != buffer.version() || cursor + batchSize > length) {
            shuffle();
        }
        int[] slots = batch.reset(batchSize);
        System.arraycopy(permutation, cursor, slots, 0, batchSize);
        cursor += batchSize;
        return batch;
    }

    /**
     * As {@link #next(int)}, with the last record replaced by the newest one (CLIC's
     * {@code batch[-1] = newest}); the newest may then appear twice.
     */
    public Batch nextWithNewest(int batchSize) {
        Batch b = next(batchSize);
        b.slots()[batchSize - 1] = buffer.newest();
        return b;
    }

    /**
     * Writes where the sampler is in its epoch (the permutation, the position, whether the buffer
     * changed since the shuffle) for a checkpoint; the generator's state is its owner's to keep.
     *
     * @since 1.5
     */
    public void saveState(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(length);
            out.writeInt(cursor);
            out.writeBoolean(shuffledAt == buffer.version());
            for (int i = 0; i < length; i++) {
                out.writeInt(permutation[i]);
            }
        }
    }

    /**
     * Restores what {@link #saveState} wrote; call after the buffer's own state is restored.
     *
     * @since 1.5
     */
    public void restoreState(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int held = in.readInt();
            int position = in.readInt();
            boolean current = in.readBoolean();
            if (held < 0 || held > buffer.capacity() || position < 0 || position > held) {
                throw new IOException(file + " is not the state of a sampler over a buffer of capacity "
                        + buffer.capacity());
            }
            permutation = new int[Math.max(held, permutation.length)];
            for (int i = 0; i < held; i++) {
                permutation[i] = in.readInt();
            }
            length = held;
            cursor = position;
            shuffledAt = current ? buffer.version() : -1;
        }
    }

    private void shuffle() {
        length = buffer.size();
        if (permutation.length < length) {
            permutation = new int[buffer.capacity()];
        }
        for (int i = 0; i < length; i++) {
            permutation[i] = i;
        }
        for (int i = length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = t;
        }
        cursor = 0;
        shuffledAt = buffer.version();
    }
}
