package io.corrigo.core.internal.osgi;

import java.util.Optional;

/**
 * A bundle as the host sees it, for listings.
 *
 * @param symbolicName the bundle symbolic name (or the file name if it has none)
 * @param version      the bundle version
 * @param state        INSTALLED, RESOLVED, ACTIVE, …, FAILED when it could not even be installed, or
 *                     NOT-A-BUNDLE for a jar without OSGi headers (never installed)
 * @param origin       {@code bundled} (shipped with Corrigo) or {@code dropins}
 * @param file         the jar it came from
 * @param problem      why it is not active, if it is not
 */
public record BundleStatus(String symbolicName, String version, String state, String origin, String file,
                           Optional<String> problem) {
}
