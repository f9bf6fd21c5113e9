package io.corrigo.core.internal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.corrigo.core.internal.osgi.FelixHost;
import io.corrigo.core.internal.report.HostReportData;
import io.corrigo.core.internal.report.LiveHub;
import io.corrigo.core.internal.store.StoreQueries;
import io.corrigo.reports.site.ReportServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code corrigo serve}: the report site over the stored studies, until Ctrl-C. */
@Command(name = "serve", description = "Serve the report site for the stored studies until interrupted (Ctrl-C).",
        mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--for-seconds", paramLabel = "N", hidden = true, description = "Stop after N seconds (tests).")
    Integer forSeconds;

    @Mixin
    HostOptions host;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws InterruptedException {
        HostPaths paths = host.paths();
        Injector injector = Guice.createInjector(new HostModule(paths));
        CountDownLatch stop = new CountDownLatch(1);
        try (FelixHost felix = Hosts.start(paths);
             Interrupts.Registration hostHook = Interrupts.register(felix::close);
             StoreQueries queries = StoreQueries.open(paths.database());
             ReportServer site = Sites.start(new HostReportData(queries, new LiveHub(), Sites.plugins(
                     injector.getInstance(PluginListing.class), felix.registry(), injector.getInstance(ObjectMapper.class))),
                     new LiveHub(), report);
             Interrupts.Registration siteHook = Interrupts.register(stop::countDown)) {
            System.out.println("Report site: " + site.url() + "   (stored studies of " + paths.database() + "; Ctrl-C stops)");
            System.out.flush();
            if (forSeconds != null) {
                stop.await(forSeconds, java.util.concurrent.TimeUnit.SECONDS);
            } else {
                stop.await();
            }
            return ExitCodes.OK;
        }
    }
}
