/**
 * Energy-based policies on DJL, shared by implicit learners (IBC, CLIC): a scalar network
 * {@code Q(s, a)} on the concatenated state and action (the energy is {@code −Q}, the policy
 * {@code π(a|s) ∝ exp(Q/τ)}), candidate sets of {@code N} actions for each of {@code B} states
 * evaluated as one forward of {@code N·B} rows, uniform, derivative-free (DFO) and Langevin MCMC
 * sampling, the InfoNCE/KL update with an action-gradient penalty and its per-episode metrics, and
 * the energy landscape of a 2-D action space.
 *
 * <p>Actions here are always normalised to {@code [-1, 1]} per dimension; observations are whatever
 * the caller feeds (normally min–max normalised). Single-threaded per instance; every
 * {@code NDArray} belongs to a manager the caller owns; all randomness comes from a
 * {@link java.util.random.RandomGenerator} the caller hands in.
 *
 * @since 1.1
 */
@Export
@Version("1.2.0")
package io.corrigo.djl.ebm;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
