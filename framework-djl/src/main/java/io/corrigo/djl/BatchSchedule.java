package io.corrigo.djl;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * When a learner trained from a buffer may update, and on which batches, as CLIC's agents schedule
 * it (Li et al., arXiv:2502.07645): no update until the buffer holds {@code minBufferSize} records,
 * then batches of {@code min(batchSize, held)} records from an {@link EpochSampler}. The learner keeps
 * its own rules for <em>when</em> to update (per label, every few steps, at the episode's end).
 *
 * <p>Single-threaded, like the sampler it draws from; returned batches are the sampler's reused
 * {@link Batch}, valid until its next call.
 *
 * @since 1.2
 */
public final class BatchSchedule {

    private final EpochSampler sampler;
    private final IntSupplier held;
    private final int minBufferSize;
    private final int batchSize;

    /**
     * A schedule drawing from {@code sampler}, whose buffer holds {@code held.getAsInt()} records, that
     * waits for {@code minBufferSize} (>= 1) records and draws at most {@code batchSize} (>= 1).
     */
    public BatchSchedule(EpochSampler sampler, IntSupplier held, int minBufferSize, int batchSize) {
        if (sampler == null || held == null) {
            throw new IllegalArgumentException("a batch schedule needs a sampler and the buffer's size");
        }
        if (minBufferSize < 1 || batchSize < 1) {
            throw new IllegalArgumentException("need minBufferSize >= 1 and batchSize >= 1; got "
                    + minBufferSize + ", " + batchSize);
        }
        this.sampler = sampler;
        this.held = held;
        this.minBufferSize = minBufferSize;
        this.batchSize = batchSize;
    }

    /** Whether the buffer holds enough records to update. */
    public boolean ready() {
        return held.getAsInt() >= minBufferSize;
    }

    /** The size of the next batch: {@code min(batchSize, held)}. */
    public int batchSize() {
        return Math.min(batchSize, held.getAsInt());
    }

    /** The next batch of the epoch; only once {@link #ready()}. */
    public Batch next() {
        return sampler.next(batchSize());
    }

    /** The next batch with its last record replaced by the newest one; only once {@link #ready()}. */
    public Batch nextWithNewest() {
        return sampler.nextWithNewest(batchSize());
    }

    /**
     * If {@link #ready()}, hands {@code update} the next batch {@code count} times, stopping early once
     * {@code cancelled} says so (asked before each update); otherwise does nothing.
     */
    public void repeat(int count, BooleanSupplier cancelled, Consumer<Batch> update) {
        if (ready()) {
            for (int i = 0; i < count && !cancelled.getAsBoolean(); i++) {
                update.accept(next());
            }
        }
    }
}
