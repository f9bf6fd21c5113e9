/**
 * The shared learning toolkit learner plugins import: device mapping, a multilayer perceptron with
 * its own parameters, Adam on DJL's native update, gradient recording scopes, min–max normalisers,
 * a preallocated replay buffer with epoch-wise sampling and its update schedule, staged inputs and
 * caches of them per batch size, and the bookkeeping every learner repeats (counters saved with a
 * checkpoint, a guard against use after close), an exponential moving average of parameters and a
 * warm-up + cosine learning-rate schedule, and libtorch's own {@code autograd.grad}
 * ({@link io.corrigo.djl.NativeAutograd}) where it loads.
 *
 * <p>Everything here is single-threaded per instance: one trial thread owns a learner's networks,
 * optimisers and buffers. Every {@code NDArray} belongs to an {@code NDManager} the caller owns.
 * All randomness comes from a {@link java.util.random.RandomGenerator} the caller hands in.
 *
 * @since 1.0
 */
@Export
@Version("1.6.0")
package io.corrigo.djl;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
