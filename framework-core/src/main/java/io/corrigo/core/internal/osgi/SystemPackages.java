package io.corrigo.core.internal.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Computes {@code org.osgi.framework.system.packages.extra}: the host class path packages bundles
 * may import, so host and bundles share one copy of each class. framework-api's packages come with
 * the versions of its own {@code Export-Package} header; DJL and SLF4J packages are found by
 * scanning their jars and exported with the jar's version.
 */
final class SystemPackages {

    private SystemPackages() {
    }

    /** The header value for the current class path. */
    static String compute() {
        List<String> clauses = new ArrayList<>();
        clauses.add(apiExports());
        clauses.add(scan(anchor("ai.djl.ndarray.NDArray"), "ai/djl/", "0.35.1"));
        clauses.add(scan(anchor("ai.djl.pytorch.engine.PtEngine"), "ai/djl/", "0.35.1"));
        clauses.add(scan(anchor("org.slf4j.Logger"), "org/slf4j/", "2.0.17"));
        return String.join(",", clauses.stream().filter(s -> !s.isEmpty()).toList());
    }

    private static String apiExports() {
        Path location = anchor("io.corrigo.api.Policy");
        String header = manifest(location).map(m -> m.getMainAttributes().getValue("Export-Package")).orElse(null);
        if (header == null) {
            throw new IllegalStateException("framework-api at " + location + " has no Export-Package header; rebuild it with bnd");
        }
        return header;
    }

    private static Path anchor(String className) {
        try {
            Class<?> c = Class.forName(className, false, SystemPackages.class.getClassLoader());
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " is not on the host class path", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Manifest> manifest(Path location) {
        try {
            if (Files.isDirectory(location)) {
                Path mf = location.resolve("META-INF/MANIFEST.MF");
                if (!Files.exists(mf)) {
                    return Optional.empty();
                }
                try (InputStream in = Files.newInputStream(mf)) {
                    return Optional.of(new Manifest(in));
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return Optional.ofNullable(jar.getManifest());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every package under {@code prefix} in the jar or directory, exported with its version. */
    static String scan(Path location, String prefix, String fallbackVersion) {
        String version = manifest(location)
                .map(m -> Optional.ofNullable(m.getMainAttributes().getValue("Bundle-Version"))
                        .orElse(m.getMainAttributes().getValue("Implementation-Version")))
                .map(SystemPackages::osgiVersion).orElse(fallbackVersion);
        TreeSet<String> packages = new TreeSet<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    files.map(p -> location.relativize(p).toString().replace('\\', '/'))
                            .forEach(n -> addPackage(n, prefix, packages));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        addPackage(e.nextElement().getName(), prefix, packages);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(",", packages.stream().map(p -> p + ";version=\"" + version + "\"").toList());
    }

    private static void addPackage(String entry, String prefix, TreeSet<String> packages) {
        if (entry.startsWith(prefix) && entry.endsWith(".class") && !entry.endsWith("module-info.class")) {
            int slash = entry.lastIndexOf('/');
            packages.add(entry.substring(0, slash).replace('/', '.'));
        }
    }

    /** "0.35.1", "2.0.17", "0.1.0-SNAPSHOT" → an OSGi version (major.minor.micro[.qualifier]). */
    static String osgiVersion(String v) {
        String[] parts = v.split("[.-]", 4);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            String p = i < parts.length && parts[i].matches("\\d+") ? parts[i] : "0";
            b.append(i == 0 ? "" : ".").append(p);
        }
        return b.toString();
    }
}
