package io.corrigo.djl;

import java.nio.FloatBuffer;

/**
 * The slots of a sampled batch of a {@link ReplayBuffer}, with copies of its fields into staging
 * memory. A view reused by its {@link EpochSampler}: valid until the sampler's next call.
 *
 * @since 1.0
 */
public final class Batch {

    private final ReplayBuffer buffer;
    private int[] slots = new int[0];
    private int size;
    private float[] row = new float[0];

    Batch(ReplayBuffer buffer) {
        this.buffer = buffer;
    }

    /** Number of records. */
    public int size() {
        return size;
    }

    /** The buffer slot of record {@code i}. */
    public int slot(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("record " + i + " outside [0, " + size + ")");
        }
        return slots[i];
    }

    /** Copies field {@code field} of every record, row-major, into {@code target[0 … size·width)}. */
    public void gather(int field, float[] target) {
        int w = buffer.width(field);
        for (int i = 0; i < size; i++) {
            buffer.copy(field, slots[i], target, i * w);
        }
    }

    /** Puts field {@code field} of every record, row-major, into {@code target} at its position. */
    public void gather(int field, FloatBuffer target) {
        int w = buffer.width(field);
        if (row.length < w) {
            row = new float[w];
        }
        for (int i = 0; i < size; i++) {
            buffer.copy(field, slots[i], row, 0);
            target.put(row, 0, w);
        }
    }

    int[] reset(int batchSize) {
        if (slots.length < batchSize) {
            slots = new int[batchSize];
        }
        size = batchSize;
        return slots;
    }

    int[] slots() {
        return slots;
    }
}
