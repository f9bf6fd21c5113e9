/**
 * The simulated human: feedback simulators decide whether and how to respond to the learner, and
 * which action is executed. {@link io.corrigo.api.feedback.Feedback} is the sealed family of what
 * they can say.
 *
 * @since 1.0
 */
@Export
@Version("1.2.0")
package io.corrigo.api.feedback;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
