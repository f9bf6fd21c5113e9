package io.corrigo.api.run;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plugin instance whose training state can be written at an episode boundary and restored into
 * a fresh instance, so that an interrupted trial continues where it was instead of starting over.
 * Learners and feedback simulators implement it to make their trials resumable; an environment
 * need not, because the host resets it from a seed at every episode (one that keeps state across
 * episodes must).
 *
 * <p>The promise is exactness: a fresh instance of the same plugin, configuration and trial, given
 * {@link #restore} of what {@link #checkpoint} wrote, behaves from then on exactly as the instance
 * that wrote it — same actions, same updates, same numbers. That covers everything that lives
 * across episodes: network parameters, optimiser moments and step counts, buffers, samplers'
 * positions, counters and budgets. Generators obtained from {@link RunContext#random(String)} are
 * saved and restored by the host; a plugin that draws from any other generator must write its
 * state itself.
 *
 * <p>The host calls {@code checkpoint} between training episodes (after {@code endEpisode} and
 * any evaluation), into an empty directory it owns; and {@code restore} right after creating the
 * instance, before any other call. Both run on the trial's thread.
 *
 * @since 1.3
 */
@ConsumerType
public interface Checkpointable {

    /** Writes the instance's training state under {@code directory} (created, empty). */
    void checkpoint(Path directory) throws IOException;

    /** Restores the state {@link #checkpoint} wrote under {@code directory} into this fresh instance. */
    void restore(Path directory) throws IOException;
}
