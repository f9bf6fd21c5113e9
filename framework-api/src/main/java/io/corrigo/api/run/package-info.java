/**
 * What the host hands a trial's plugin instances: device, seeded randomness, metrics, a working
 * directory and cancellation. Implemented by the host; {@link io.corrigo.api.run.Checkpointable} is
 * implemented by plugins whose trials can resume from a checkpoint (since 1.3).
 *
 * @since 1.0
 */
@Export
@Version("1.3.0")
package io.corrigo.api.run;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
