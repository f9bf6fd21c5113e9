package io.corrigo.djl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One value per batch size {@code 1 … maxBatchSize}, created on first use: the {@link StagedInput}s
 * or candidate sets shaped for a batch of {@code n} records, so that an update allocates nothing
 * once every size it meets has been seen (batches are smaller while a buffer fills up).
 *
 * <p>The values belong to whatever {@code create} put them in (normally the learner's
 * {@code NDManager}); this cache never closes them. Single-threaded.
 *
 * @param <T> the kind of value
 * @since 1.2
 */
public final class PerBatchSize<T> {

    private final IntFunction<? extends T> create;
    private final List<T> bySize;

    /** A cache of the values {@code create.apply(n)} for {@code n} in {@code [1, maxBatchSize]}. */
    public PerBatchSize(int maxBatchSize, IntFunction<? extends T> create) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("the largest batch size must be >= 1, was " + maxBatchSize);
        }
        if (create == null) {
            throw new IllegalArgumentException("no factory given for values per batch size");
        }
        this.create = create;
        this.bySize = new ArrayList<>(Collections.nCopies(maxBatchSize + 1, null));
    }

    /** The value for batches of {@code batchSize} records, created by the factory the first time. */
    public T get(int batchSize) {
        if (batchSize < 1 || batchSize >= bySize.size()) {
            throw new IllegalArgumentException(
                    "batch size must be in [1, " + (bySize.size() - 1) + "], was " + batchSize);
        }
        T value = bySize.get(batchSize);
        if (value == null) {
            value = create.apply(batchSize);
            if (value == null) {
                throw new IllegalStateException("the factory returned null for batch size " + batchSize);
            }
            bySize.set(batchSize, value);
        }
        return value;
    }
}
