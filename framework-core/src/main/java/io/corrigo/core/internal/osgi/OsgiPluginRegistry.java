package io.corrigo.core.internal.osgi;

import io.corrigo.api.PluginId;
import io.corrigo.api.PluginProvider;
import io.corrigo.core.internal.plugin.PluginCatalog;
import io.corrigo.core.internal.plugin.PluginKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Tracks the provider services of every kind by their {@code corrigo.plugin.id} property. Lookups
 * see bundles come and go (drop-ins) without a restart. With two providers of one kind and id,
 * the one with the highest service ranking (then the lowest service id) wins.
 */
public final class OsgiPluginRegistry implements PluginCatalog, AutoCloseable {

    /** One registered provider, for listings. */
    public record Registration(PluginKind kind, String id, ServiceReference<?> reference) {
    }

    private final BundleContext context;
    private final Map<PluginKind, ServiceTracker<PluginProvider<?>, PluginProvider<?>>> trackers = new EnumMap<>(PluginKind.class);
    private final AtomicLong lastChange = new AtomicLong(System.nanoTime());

    @SuppressWarnings({"unchecked", "rawtypes"})
    OsgiPluginRegistry(BundleContext context) {
        this.context = context;
        for (PluginKind kind : PluginKind.values()) {
            ServiceTracker t = new ServiceTracker(context, kind.service().getName(), null) {
                @Override
                public Object addingService(ServiceReference reference) {
                    lastChange.set(System.nanoTime());
                    return super.addingService(reference);
                }

                @Override
                public void removedService(ServiceReference reference, Object service) {
                    lastChange.set(System.nanoTime());
                    super.removedService(reference, service);
                }
            };
            t.open();
            trackers.put(kind, t);
        }
    }

    @Override
    public Optional<PluginProvider<?>> find(PluginKind kind, String id) {
        return references(kind).stream()
                .filter(r -> id.equals(r.getProperty(PluginId.PROPERTY)))
                .max(Comparator.<ServiceReference<PluginProvider<?>>>naturalOrder())
                .map(r -> trackers.get(kind).getService(r));
    }

    @Override
    public SortedSet<String> ids(PluginKind kind) {
        SortedSet<String> ids = new TreeSet<>();
        for (ServiceReference<?> r : references(kind)) {
            Object id = r.getProperty(PluginId.PROPERTY);
            if (id instanceof String s && s.matches(PluginId.PATTERN)) {
                ids.add(s);
            }
        }
        return ids;
    }

    @Override
    public Optional<String> bundleOf(PluginKind kind, String id) {
        return references(kind).stream()
                .filter(r -> id.equals(r.getProperty(PluginId.PROPERTY)))
                .max(Comparator.<ServiceReference<PluginProvider<?>>>naturalOrder())
                .map(ServiceReference::getBundle)
                .map(b -> b.getSymbolicName() + " " + b.getVersion());
    }

    /** Every registration of every kind, including ones without a valid id (listed as problems). */
    public List<Registration> registrations() {
        List<Registration> list = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            for (ServiceReference<?> r : references(kind)) {
                Object id = r.getProperty(PluginId.PROPERTY);
                list.add(new Registration(kind, id instanceof String s ? s : "", r));
            }
        }
        list.sort(Comparator.comparing(Registration::kind).thenComparing(Registration::id));
        return list;
    }

    /** The provider behind a registration (activates the component). */
    public Optional<PluginProvider<?>> provider(Registration registration) {
        @SuppressWarnings("unchecked")
        ServiceReference<PluginProvider<?>> ref = (ServiceReference<PluginProvider<?>>) registration.reference();
        return Optional.ofNullable(trackers.get(registration.kind()).getService(ref));
    }

    /** Waits until no provider has come or gone for {@code quiet}, at most {@code max}. */
    void awaitQuiet(Duration quiet, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline && System.nanoTime() - lastChange.get() < quiet.toNanos()) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<ServiceReference<PluginProvider<?>>> references(PluginKind kind) {
        ServiceReference<PluginProvider<?>>[] refs = trackers.get(kind).getServiceReferences();
        return refs == null ? List.of() : Arrays.asList(refs);
    }

    BundleContext context() {
        return context;
    }

    @Override
    public void close() {
        trackers.values().forEach(ServiceTracker::close);
    }
}
