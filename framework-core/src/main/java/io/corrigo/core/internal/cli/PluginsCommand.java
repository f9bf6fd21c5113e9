package io.corrigo.core.internal.cli;

import com.google.inject.Guice;
import io.corrigo.core.internal.osgi.FelixHost;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corrigo plugins}: every installed plugin, and every bundle that failed, with the reason. */
@Command(name = "plugins", description = "List installed plugins (bundled and drop-ins) and bundles that failed to start.",
        mixinStandardHelpOptions = true)
final class PluginsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print as JSON, with each plugin's configuration defaults.")
    boolean json;

    @Mixin
    HostOptions host;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        HostPaths paths = host.paths();
        PluginListing listing = Guice.createInjector(new HostModule(paths)).getInstance(PluginListing.class);
        try (FelixHost felix = Hosts.start(paths);
             Interrupts.Registration hook = Interrupts.register(felix::close)) {
            spec.commandLine().getOut().print(json ? listing.json(felix) + "\n" : listing.text(felix));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
