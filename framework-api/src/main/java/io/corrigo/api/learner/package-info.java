/**
 * The learner SPI: imitation learners that act, observe feedback and train, created per trial by a
 * {@link io.corrigo.api.learner.LearnerProvider}.
 *
 * @since 1.0
 */
@Export
@Version("1.2.0")
package io.corrigo.api.learner;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
