package io.corrigo.core.internal.osgi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Turns Felix's "Unable to resolve … missing requirement … (osgi.wiring.package=p)(version>=2.0.0)
 * (!(version>=3.0.0))" into what a plugin author needs: which package at which versions the bundle
 * needs, and which versions the host and the installed bundles provide — e.g. {@code needs
 * io.corrigo.api.learner [2.0.0,3.0.0), the host provides 1.0.0: the bundle was built against
 * another major version of Corrigo's API}.
 */
final class ResolutionProblems {

    private static final Pattern PACKAGE = Pattern.compile(
            "\\(osgi\\.wiring\\.package=([^)]+)\\)(?:\\(version>=([^)]+)\\))?(?:\\(!\\(version>=([^)]+)\\)\\))?");

    private ResolutionProblems() {
    }

    /** The readable form of {@code message} (a start failure) for {@code bundle}, or the message as it was. */
    static String describe(BundleContext context, String message) {
        if (message == null) {
            return null;
        }
        Matcher m = PACKAGE.matcher(message);
        Set<String> seen = new LinkedHashSet<>();
        List<String> parts = new ArrayList<>();
        while (m.find()) {
            String pkg = m.group(1);
            if (!seen.add(pkg)) {
                continue;
            }
            String range = m.group(2) == null ? "any version" : "[" + m.group(2) + "," + (m.group(3) == null ? "∞" : m.group(3)) + ")";
            Set<Version> offered = exported(context, pkg);
            String provided = offered.isEmpty() ? "which neither the host nor an installed bundle exports"
                    : (pkg.startsWith("io.corrigo.api") ? "the host provides " : "installed: ") + join(offered)
                    + (pkg.startsWith("io.corrigo.api") ? advice(offered, m.group(2), m.group(3)) : "");
            parts.add("needs " + pkg + " " + range + ", " + provided);
        }
        return parts.isEmpty() ? message : String.join("; ", parts) + " (Felix: " + message + ")";
    }

    /** What to do when the host's API version misses the bundle's range. */
    private static String advice(Set<Version> offered, String low, String high) {
        Version newest = ((TreeSet<Version>) offered).last();
        if (low != null && newest.compareTo(Version.parseVersion(low)) < 0) {
            return ": the bundle needs a newer Corrigo API than this host has (framework-api); update Corrigo, or rebuild"
                    + " the bundle against this one";
        }
        if (high != null && newest.compareTo(Version.parseVersion(high)) >= 0) {
            return ": the bundle was built against an older major version of Corrigo's API (framework-api); rebuild it"
                    + " against this one";
        }
        return "";
    }

    private static Set<Version> exported(BundleContext context, String pkg) {
        Set<Version> versions = new TreeSet<>();
        for (Bundle b : context.getBundles()) {
            BundleRevision revision = b.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability c : revision.getDeclaredCapabilities(BundleRevision.PACKAGE_NAMESPACE)) {
                if (pkg.equals(c.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE))) {
                    Object v = c.getAttributes().get("version");
                    versions.add(v instanceof Version version ? version : Version.emptyVersion);
                }
            }
        }
        return versions;
    }

    private static String join(Set<Version> versions) {
        return String.join(", ", versions.stream().map(Version::toString).toList());
    }
}
