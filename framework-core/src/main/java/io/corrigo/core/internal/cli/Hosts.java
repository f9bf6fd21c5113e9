package io.corrigo.core.internal.cli;

import io.corrigo.core.internal.djl.DjlRuntime;
import io.corrigo.core.internal.osgi.FelixHost;
import io.corrigo.core.internal.plugin.PluginCatalog;
import io.corrigo.core.internal.spec.StudyLoader;
import java.time.Duration;
import java.util.Optional;

/** Small helpers the commands share. */
final class Hosts {

    /** How often the drop-in folder is polled while the host runs. */
    static final Duration DROPIN_POLL = Duration.ofMillis(
            Long.getLong("corrigo.dropins.pollMillis", 1000L));

    private Hosts() {
    }

    static FelixHost start(HostPaths paths) {
        return FelixHost.start(paths.bundles(), paths.dropins(), DROPIN_POLL);
    }

    /** A study loader that also checks GPU requests against the engine. */
    static StudyLoader loader(PluginCatalog catalog) {
        return new StudyLoader(catalog, device -> device.startsWith("gpu") && DjlRuntime.resolve(device).isEmpty()
                ? Optional.of(DjlRuntime.gpuUnavailableHint()) : Optional.empty());
    }
}
