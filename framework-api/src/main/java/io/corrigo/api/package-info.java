/**
 * Values shared by every extension kind: observation and action vectors, bounded spaces,
 * {@link io.corrigo.api.Policy}, and the plugin identity and configuration conventions.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package io.corrigo.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
