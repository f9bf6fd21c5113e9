package io.corrigo.core.internal.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Eclipse-style drop-in folder: a jar placed in it is installed and started, a changed jar is
 * updated, a removed jar is uninstalled — at start-up synchronously, then on every poll. A jar is
 * acted on only once its size and modification time held still for one poll, so a half-copied
 * file is never installed. Failures are kept per file with the framework's reason and retried
 * when the file changes; the host keeps working.
 */
final class DropinWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DropinWatcher.class);
    /** How the problem of a jar that is no OSGi bundle starts; such jars are listed as NOT-A-BUNDLE. */
    static final String NOT_A_BUNDLE = "not a bundle: ";

    private record Seen(long size, long modified) {
    }

    private record Entry(Seen seen, Bundle bundle, String problem) {
    }

    private final Framework framework;
    private final Path dir;
    private final Duration interval;
    private final Map<Path, Entry> entries = new TreeMap<>();
    private final Map<Path, Seen> pending = new TreeMap<>();
    private ScheduledExecutorService poller;

    DropinWatcher(Framework framework, Path dir, Duration interval) {
        this.framework = framework;
        this.dir = dir;
        this.interval = interval;
    }

    /** Acts on every jar present now, without waiting for it to hold still. */
    synchronized void scan() {
        for (Map.Entry<Path, Seen> f : jars().entrySet()) {
            Entry e = entries.get(f.getKey());
            if (e == null || !e.seen().equals(f.getValue())) {
                apply(f.getKey(), f.getValue(), e);
            }
        }
        removeVanished(jars().keySet());
    }

    void startWatching() {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "corrigo-dropins");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void poll() {
        try {
            Map<Path, Seen> now = jars();
            for (Map.Entry<Path, Seen> f : now.entrySet()) {
                Entry e = entries.get(f.getKey());
                if (e != null && e.seen().equals(f.getValue())) {
                    pending.remove(f.getKey());
                } else if (f.getValue().equals(pending.get(f.getKey()))) {
                    pending.remove(f.getKey());
                    apply(f.getKey(), f.getValue(), e);
                } else {
                    pending.put(f.getKey(), f.getValue());
                }
            }
            pending.keySet().retainAll(now.keySet());
            removeVanished(now.keySet());
        } catch (RuntimeException e) {
            LOG.warn("scanning {} failed: {}", dir, e.toString());
        }
    }

    private void apply(Path jar, Seen seen, Entry previous) {
        Bundle bundle = previous == null ? null : previous.bundle();
        Optional<String> notBundle = notABundle(jar);
        if (notBundle.isPresent()) {
            if (bundle != null) {
                uninstall(jar, bundle);
            }
            entries.put(jar, new Entry(seen, null, NOT_A_BUNDLE + notBundle.get()));
            LOG.warn("{} is not an OSGi bundle: {}", jar.getFileName(), notBundle.get());
            return;
        }
        try (InputStream in = Files.newInputStream(jar)) {
            if (bundle == null) {
                bundle = framework.getBundleContext().installBundle(jar.toUri().toString(), in);
                LOG.info("installed drop-in {}", jar.getFileName());
            } else {
                bundle.update(in);
                framework.adapt(FrameworkWiring.class).refreshBundles(List.of(bundle));
                LOG.info("updated drop-in {}", jar.getFileName());
            }
        } catch (IOException | BundleException | RuntimeException e) {
            entries.put(jar, new Entry(seen, bundle, "cannot install: " + e.getMessage()));
            return;
        }
        Map<String, String> failure = new TreeMap<>();
        FelixHost.startQuietly(framework.getBundleContext(), bundle, failure);
        entries.put(jar, new Entry(seen, bundle, failure.get(bundle.getLocation())));
    }

    private void removeVanished(Set<Path> present) {
        for (Path gone : new ArrayList<>(entries.keySet())) {
            if (!present.contains(gone)) {
                Entry e = entries.remove(gone);
                if (e.bundle() != null) {
                    uninstall(gone, e.bundle());
                }
            }
        }
    }

    private void uninstall(Path jar, Bundle bundle) {
        try {
            bundle.uninstall();
            framework.adapt(FrameworkWiring.class).refreshBundles(null);
            LOG.info("uninstalled drop-in {}", jar.getFileName());
        } catch (BundleException | IllegalStateException ex) {
            LOG.warn("cannot uninstall {}: {}", jar.getFileName(), ex.getMessage());
        }
    }

    /** Why {@code jar} is not an OSGi bundle (no manifest, or no Bundle-SymbolicName), if it is not. */
    static Optional<String> notABundle(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return Optional.of("the jar has no META-INF/MANIFEST.MF");
            }
            String name = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            return name == null || name.isBlank()
                    ? Optional.of("its manifest has no Bundle-SymbolicName (build it as a bundle, e.g. with "
                    + "bnd-maven-plugin; see README \"Adding a plugin\")") : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("not a readable jar: " + e.getMessage());
        }
    }

    private Map<Path, Seen> jars() {
        Map<Path, Seen> found = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".jar") && Files.isRegularFile(f)).toList()) {
                found.put(p, new Seen(Files.size(p), Files.getLastModifiedTime(p).toMillis()));
            }
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", dir, e.toString());
        }
        return found;
    }

    synchronized boolean owns(Bundle b) {
        return entries.values().stream().anyMatch(e -> e.bundle() != null && e.bundle().getBundleId() == b.getBundleId());
    }

    synchronized List<BundleStatus> statuses() {
        List<BundleStatus> list = new ArrayList<>();
        Set<Long> listed = new HashSet<>();
        for (Map.Entry<Path, Entry> e : entries.entrySet()) {
            Bundle b = e.getValue().bundle();
            String file = e.getKey().getFileName().toString();
            String problem = e.getValue().problem();
            if (problem != null && problem.startsWith(NOT_A_BUNDLE)) {
                list.add(new BundleStatus(file, "-", "NOT-A-BUNDLE", "dropins", file, Optional.of(problem)));
            } else if (b == null || b.getState() == Bundle.UNINSTALLED) {
                list.add(new BundleStatus(file, "-", "FAILED", "dropins", file, Optional.ofNullable(problem)));
            } else if (listed.add(b.getBundleId())) {
                list.add(new BundleStatus(FelixHost.name(b), b.getVersion().toString(), FelixHost.state(b), "dropins", file,
                        Optional.ofNullable(b.getState() == Bundle.ACTIVE ? null : problem)));
            }
        }
        return list;
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
