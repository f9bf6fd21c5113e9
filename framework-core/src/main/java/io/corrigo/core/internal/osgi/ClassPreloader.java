package io.corrigo.core.internal.osgi;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Loads every class of a drop-in bundle's current revision before a trial uses it. When the jar is
 * replaced, the framework closes the old revision's content: a trial still running with the old
 * version could no longer load a class it had not needed yet (a {@code NoClassDefFoundError} in the
 * middle of the trial). Loaded classes stay usable, so a trial that starts with all of them can
 * finish with the version it started with. Done once per revision; a class that cannot be loaded
 * (an optional dependency missing) is skipped, as it would fail the same way later. Resources read
 * lazily from the jar are not covered.
 */
final class ClassPreloader {

    private final Map<BundleWiring, Boolean> done = Collections.synchronizedMap(new WeakHashMap<>());

    /** Loads the classes of {@code bundle}'s current revision, if not done already. */
    void preload(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null || done.putIfAbsent(wiring, Boolean.TRUE) != null) {
            return;
        }
        Collection<String> classes = wiring.listResources("/", "*.class",
                BundleWiring.LISTRESOURCES_RECURSE | BundleWiring.LISTRESOURCES_LOCAL);
        ClassLoader loader = wiring.getClassLoader();
        if (classes == null || loader == null) {
            return;
        }
        for (String resource : classes) {
            if (resource.endsWith("module-info.class") || resource.endsWith("package-info.class")) {
                continue;
            }
            String name = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
            try {
                loader.loadClass(name);
            } catch (ClassNotFoundException | LinkageError e) {
                // not loadable now (an optional import missing): it would fail the same way later
            }
        }
    }
}
