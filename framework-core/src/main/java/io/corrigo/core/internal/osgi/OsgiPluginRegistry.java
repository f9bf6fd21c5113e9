package io.corrigo.core.internal.osgi;

import io.corrigo.api.PluginId;
import io.corrigo.api.PluginProvider;
import io.corrigo.core.internal.plugin.BundlePin;
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
import java.util.function.Predicate;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Tracks the provider services of every kind by their {@code corrigo.plugin.id} property. Lookups
 * see bundles come and go (drop-ins) without a restart. With two providers of one kind and id, the
 * choice is fixed and documented: a built-in bundle wins over a drop-in (a drop-in cannot replace
 * {@code bc} by registering a higher {@code service.ranking}), then the higher bundle version, then
 * the higher service ranking, then the earlier registration. {@link #registrations()} marks every
 * registration that shares its id with another, so listings can warn.
 */
public final class OsgiPluginRegistry implements PluginCatalog, AutoCloseable {

    /**
     * One registered provider, for listings.
     *
     * @param kind      the plugin kind
     * @param id        its id ("" if it has none)
     * @param reference the service
     * @param dropin    whether its bundle came from {@code dropins/}
     * @param rivals    the other registrations of the same kind and id ("bundle version", built-in or drop-in)
     * @param chosen    whether this one is used when the id is asked for
     */
    public record Registration(PluginKind kind, String id, ServiceReference<?> reference, boolean dropin,
                               List<String> rivals, boolean chosen) {
    }

    private final BundleContext context;
    private final Predicate<Bundle> isDropin;
    private final Map<PluginKind, ServiceTracker<PluginProvider<?>, PluginProvider<?>>> trackers = new EnumMap<>(PluginKind.class);
    private final AtomicLong lastChange = new AtomicLong(System.nanoTime());
    private final ClassPreloader preloader = new ClassPreloader();

    @SuppressWarnings({"unchecked", "rawtypes"})
    OsgiPluginRegistry(BundleContext context, Predicate<Bundle> isDropin) {
        this.context = context;
        this.isDropin = isDropin;
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
        return chosen(kind, id).map(r -> trackers.get(kind).getService(r));
    }

    @Override
    public Optional<PluginProvider<?>> find(PluginKind kind, String id, Optional<BundlePin> pin) {
        return pinned(kind, id, pin).map(r -> trackers.get(kind).getService(r));
    }

    @Override
    public Optional<String> bundleOf(PluginKind kind, String id, Optional<BundlePin> pin) {
        return pinned(kind, id, pin).map(ServiceReference::getBundle).map(b -> b.getSymbolicName() + " " + b.getVersion());
    }

    @Override
    public List<String> providers(PluginKind kind, String id) {
        return references(kind).stream().filter(r -> id.equals(r.getProperty(PluginId.PROPERTY)))
                .sorted(preference().reversed()).map(r -> describe(r, dropin(r))).toList();
    }

    @Override
    public boolean ambiguous(PluginKind kind, String id) {
        List<ServiceReference<PluginProvider<?>>> refs = references(kind).stream()
                .filter(r -> id.equals(r.getProperty(PluginId.PROPERTY)) && r.getBundle() != null)
                .sorted(preference().reversed()).toList();
        if (refs.size() < 2) {
            return false;
        }
        Bundle first = refs.get(0).getBundle();
        Bundle second = refs.get(1).getBundle();
        return dropin(refs.get(0)) == dropin(refs.get(1)) && first.getVersion().equals(second.getVersion())
                && first.getBundleId() != second.getBundleId();
    }

    private Optional<ServiceReference<PluginProvider<?>>> pinned(PluginKind kind, String id, Optional<BundlePin> pin) {
        if (pin.isEmpty()) {
            return chosen(kind, id);
        }
        return references(kind).stream()
                .filter(r -> id.equals(r.getProperty(PluginId.PROPERTY)) && r.getBundle() != null
                        && pin.get().matches(r.getBundle().getSymbolicName(), r.getBundle().getVersion().toString()))
                .max(preference());
    }

    /** The registration used for {@code id}: built-in before drop-in, then bundle version, ranking, age. */
    private Optional<ServiceReference<PluginProvider<?>>> chosen(PluginKind kind, String id) {
        return references(kind).stream()
                .filter(r -> id.equals(r.getProperty(PluginId.PROPERTY)))
                .max(preference());
    }

    private Comparator<ServiceReference<PluginProvider<?>>> preference() {
        return Comparator.<ServiceReference<PluginProvider<?>>, Boolean>comparing(r -> !dropin(r))
                .thenComparing(r -> r.getBundle() == null ? Version.emptyVersion : r.getBundle().getVersion())
                .thenComparing(Comparator.naturalOrder());
    }

    private boolean dropin(ServiceReference<?> r) {
        Bundle b = r.getBundle();
        return b != null && isDropin.test(b);
    }

    private static String describe(ServiceReference<?> r, boolean dropin) {
        Bundle b = r.getBundle();
        return (b == null ? "?" : b.getSymbolicName() + " " + b.getVersion()) + (dropin ? " (drop-in)" : " (built-in)");
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
        return chosen(kind, id)
                .map(ServiceReference::getBundle)
                .map(b -> b.getSymbolicName() + " " + b.getVersion());
    }

    /** Loads every class of a drop-in provider's bundle, so a trial outlives the replacement of its jar. */
    @Override
    public void keepClassesLoaded(Object provider) {
        Bundle b = org.osgi.framework.FrameworkUtil.getBundle(provider.getClass());
        if (b != null && isDropin.test(b)) {
            preloader.preload(b);
        }
    }

    @Override
    public Optional<String> bundleOfProvider(Object provider) {
        return Optional.ofNullable(org.osgi.framework.FrameworkUtil.getBundle(provider.getClass()))
                .map(b -> b.getSymbolicName() + " " + b.getVersion());
    }

    /** Every registration of every kind, including ones without a valid id (listed as problems). */
    public List<Registration> registrations() {
        List<Registration> list = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            List<ServiceReference<PluginProvider<?>>> refs = references(kind);
            for (ServiceReference<PluginProvider<?>> r : refs) {
                String id = r.getProperty(PluginId.PROPERTY) instanceof String s ? s : "";
                List<String> rivals = refs.stream().filter(o -> o != r && id.equals(o.getProperty(PluginId.PROPERTY)))
                        .map(o -> describe(o, dropin(o))).toList();
                boolean chosen = chosen(kind, id).map(c -> c.equals(r)).orElse(false);
                list.add(new Registration(kind, id, r, dropin(r), rivals, chosen));
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
