package io.corrigo.core.internal.osgi;

import io.corrigo.core.internal.plugin.PluginCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Apache Felix framework: exports the host's API, DJL and SLF4J packages, installs
 * and starts the bundled plugins and everything in {@code dropins/}, keeps watching that folder,
 * and tracks plugin providers. Closing it always stops the framework (whose event thread is not a
 * daemon) and deletes its cache.
 */
public final class FelixHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FelixHost.class);

    private final Framework framework;
    private final Path storage;
    private final OsgiPluginRegistry registry;
    private final DropinWatcher dropins;
    private final Map<String, String> bundledFailures = new ConcurrentHashMap<>();

    private FelixHost(Framework framework, Path storage, Path dropinsDir, Duration pollInterval) {
        this.framework = framework;
        this.storage = storage;
        this.dropins = new DropinWatcher(framework, dropinsDir, pollInterval);
        this.registry = new OsgiPluginRegistry(framework.getBundleContext(), dropins::owns);
    }

    /**
     * Starts Felix, installs and starts the bundles in {@code bundlesDir}, then those in
     * {@code dropinsDir} (which is watched every {@code pollInterval} afterwards).
     */
    public static FelixHost start(Path bundlesDir, Path dropinsDir, Duration pollInterval) {
        Path storage = createStorage();
        Framework framework = newFramework(storage);
        FelixHost host = null;
        try {
            framework.init();
            framework.start();
            host = new FelixHost(framework, storage, dropinsDir, pollInterval);
            host.installBundled(bundlesDir);
            host.dropins.scan();
            host.dropins.startWatching();
            host.registry.awaitQuiet(Duration.ofMillis(150), Duration.ofSeconds(5));
            return host;
        } catch (BundleException | RuntimeException e) {
            if (host != null) {
                host.close();
            } else {
                stopQuietly(framework, storage);
            }
            throw new IllegalStateException("cannot start the plugin host: " + e.getMessage(), e);
        }
    }

    /** The live catalogue of installed plugins. */
    public PluginCatalog catalog() {
        return registry;
    }

    /** The registry, for listings. */
    public OsgiPluginRegistry registry() {
        return registry;
    }

    /** Scans {@code dropins/} now instead of waiting for the next poll. */
    public void rescanDropins() {
        dropins.scan();
        registry.awaitQuiet(Duration.ofMillis(150), Duration.ofSeconds(5));
    }

    /** Every non-system bundle, bundled ones first, with its state and any problem. */
    public List<BundleStatus> bundles() {
        List<BundleStatus> list = new ArrayList<>();
        for (Bundle b : framework.getBundleContext().getBundles()) {
            if (b.getBundleId() == 0 || dropins.owns(b)) {
                continue;
            }
            list.add(new BundleStatus(name(b), b.getVersion().toString(), state(b), "bundled", location(b),
                    Optional.ofNullable(bundledFailures.get(b.getLocation()))));
        }
        list.sort(Comparator.comparing(BundleStatus::symbolicName));
        list.addAll(dropins.statuses());
        return list;
    }

    private void installBundled(Path dir) throws BundleException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("the bundles directory " + dir + " does not exist; build Corrigo first (mvn -B install -DskipTests)");
        }
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(jar)) {
                    installed.add(framework.getBundleContext().installBundle(jar.toUri().toString(), in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Bundle b : installed) {
            startQuietly(framework.getBundleContext(), b, bundledFailures);
        }
    }

    static void startQuietly(org.osgi.framework.BundleContext context, Bundle b, Map<String, String> failures) {
        if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return;
        }
        try {
            b.start();
            failures.remove(b.getLocation());
        } catch (BundleException | RuntimeException e) {
            String why = ResolutionProblems.describe(context, e.getMessage());
            failures.put(b.getLocation(), why);
            LOG.warn("bundle {} did not start: {}", name(b), why);
        }
    }

    static String name(Bundle b) {
        return b.getSymbolicName() != null ? b.getSymbolicName() : b.getLocation();
    }

    static String location(Bundle b) {
        String loc = b.getLocation();
        int slash = loc.lastIndexOf('/');
        return slash >= 0 ? loc.substring(slash + 1) : loc;
    }

    static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    @Override
    public void close() {
        dropins.close();
        registry.close();
        stopQuietly(framework, storage);
    }

    private static Framework newFramework(Path storage) {
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SystemPackages.compute());
        config.put("felix.log.logger", new FelixLog());
        config.put("felix.log.level", "2");
        config.put("ds.loglevel", "warn");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, FelixHost.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> raw = (Map) config;
        return factory.newFramework(raw);
    }

    private static Path createStorage() {
        try {
            return Files.createTempDirectory("corrigo-felix-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the OSGi cache directory", e);
        }
    }

    private static void stopQuietly(Framework framework, Path storage) {
        try {
            framework.stop();
            framework.waitForStop(Duration.ofSeconds(15).toMillis());
        } catch (BundleException | InterruptedException | RuntimeException e) {
            LOG.warn("the OSGi framework did not stop cleanly: {}", e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            deleteTree(storage);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", dir, e.toString());
        }
    }
}
