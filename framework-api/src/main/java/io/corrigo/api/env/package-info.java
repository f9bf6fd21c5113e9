/**
 * The environment SPI: simulators with a scripted teacher, created per trial by an
 * {@link io.corrigo.api.env.EnvironmentProvider}.
 *
 * @since 1.0
 */
@Export
@Version("1.3.0")
package io.corrigo.api.env;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
