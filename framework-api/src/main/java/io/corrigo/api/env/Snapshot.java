package io.corrigo.api.env;

/**
 * An opaque saved state of one environment instance, restorable into that same instance with
 * {@link Environment#restore(Snapshot)} (used by rollout-based gates and teachers).
 *
 * @since 1.1
 */
public interface Snapshot {
}
