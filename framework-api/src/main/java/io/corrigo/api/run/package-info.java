/**
 * What the host hands a trial's plugin instances: device, seeded randomness, metrics, a working
 * directory and cancellation. Implemented by the host.
 *
 * @since 1.0
 */
@Export
@Version("1.2.0")
package io.corrigo.api.run;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
