package io.corrigo.core.internal.plugin;

import java.util.Optional;

/**
 * A study entry's choice of the bundle that provides its plugin ({@code bundle:} and optional
 * {@code version:} beside {@code id:}), for when several bundles register the same id.
 *
 * @param symbolicName the bundle's symbolic name
 * @param version      its exact version ({@code 1.1.0}), or empty for any
 */
public record BundlePin(String symbolicName, Optional<String> version) {

    /** Whether a bundle of {@code name} and {@code bundleVersion} (OSGi form) is the pinned one. */
    public boolean matches(String name, String bundleVersion) {
        return symbolicName.equals(name) && version.map(v -> normalised(v).equals(normalised(bundleVersion))).orElse(true);
    }

    /** {@code 1.1} and {@code 1.1.0} are the same OSGi version. */
    private static String normalised(String v) {
        String[] parts = v.split("\\.", 4);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            b.append(i > 0 ? "." : "").append(i < parts.length ? parts[i] : "0");
        }
        return parts.length > 3 ? b + "." + parts[3] : b.toString();
    }

    @Override
    public String toString() {
        return symbolicName + version.map(v -> " " + v).orElse("");
    }
}
