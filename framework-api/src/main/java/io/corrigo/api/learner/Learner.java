package io.corrigo.api.learner;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Policy;
import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A learner for one trial, driven from one thread by the host:
 *
 * <pre>
 * per training episode: startEpisode, then per step act → observe, then endEpisode
 * per evaluation episode: act only (no observe, no feedback)
 * </pre>
 *
 * A learner trains on its own schedule inside {@link #observe} and {@link #endEpisode}. It owns
 * its native memory and releases it in {@link #close()}.
 *
 * @since 1.0
 */
@ConsumerType
public interface Learner extends Policy, AutoCloseable {

    /** The learner's action in {@code observation}, proposed to the teacher or executed. */
    @Override
    Action act(Observation observation);

    /** A training episode starts. */
    void startEpisode();

    /** One training step happened; {@code transition.feedback()} is what the human said. */
    void observe(Transition transition);

    /** The training episode ended; end-of-episode training happens here. */
    void endEpisode();

    /** Writes the learner's state under {@code directory} (created by the caller). */
    void save(Path directory) throws IOException;

    /** Restores state written by {@link #save(Path)} of the same learner and configuration. */
    void load(Path directory) throws IOException;

    /** Releases native memory; idempotent. */
    @Override
    void close();
}
