package io.corrigo.core.internal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.corrigo.api.run.ComputeDevice;
import io.corrigo.core.internal.djl.DjlRuntime;
import io.corrigo.core.internal.osgi.FelixHost;
import io.corrigo.core.internal.spec.StudySpec;
import io.corrigo.core.internal.report.HostReportData;
import io.corrigo.core.internal.report.LiveHub;
import io.corrigo.core.internal.store.Store;
import io.corrigo.core.internal.store.StoreQueries;
import io.corrigo.reports.site.ReportServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code corrigo run STUDY.yaml}: validates, runs every trial, stores and prints the comparison. */
@Command(name = "run", description = "Run a study: every learner x feedback condition x environment x seed.",
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY.yaml", description = "The study file.")
    Path study;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a field, e.g. --set budget.episodes=5 --set learners[bc].learningRate=1e-3.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--json", description = "Print the results as JSON on standard output.")
    boolean json;

    @Option(names = "--workers", paramLabel = "N", description = "Trials run in parallel (default: the number of cores).")
    Integer workers;

    @Option(names = "--no-server", description = "Do not serve the live report site during the run.")
    boolean noServer;

    @Option(names = "--linger", paramLabel = "SECONDS", description = "Keep the report site up this long after the study"
            + " ends, so open pages receive the final state (default: 3). ./corrigo serve shows stored studies any time.")
    int linger = 3;

    @Mixin
    HostOptions host;

    @Mixin
    ReportOptions report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        HostPaths paths = host.paths();
        DjlRuntime.configure();
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new HostModule(paths));
        PrintWriter out = spec.commandLine().getOut();
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        try (FelixHost felix = Hosts.start(paths);
             Interrupts.Registration hostHook = Interrupts.register(felix::close);
             Interrupts.Registration runHook = Interrupts.register(() -> cancelAndWait(cancelled, finished))) {
            StudySpec s = Hosts.loader(felix.catalog()).load(study, study.toString(), overrides);
            ComputeDevice device = DjlRuntime.resolve(s.device()).orElseThrow();
            DjlRuntime.engine();
            System.err.printf(java.util.Locale.ROOT, "Matrix products: MKL Intel path %s; one core %.0f GFLOP/s%n",
                    io.corrigo.core.internal.djl.MklIntelPath.describe(), DjlRuntime.gemmRate());
            String text = Files.readString(study, StandardCharsets.UTF_8);
            int pool = workers != null ? Math.max(1, workers) : Runtime.getRuntime().availableProcessors();
            System.err.printf("Study '%s': %d trials on %s, %d worker(s); results go to %s%n", s.name(), s.trialCount(),
                    device, Math.min(pool, s.trialCount()), paths.database());
            StudyExecution.Result result;
            LiveHub live = new LiveHub();
            try (Store store = Store.open(paths.database());
                 StoreQueries queries = StoreQueries.open(paths.database());
                 ReportServer site = noServer ? null : Sites.start(new HostReportData(queries, live, Sites.plugins(
                         injector.getInstance(PluginListing.class), felix.registry(), injector.getInstance(ObjectMapper.class))),
                         live, report);
                 ConsoleProgress progress = new ConsoleProgress(System.err, s.name(), s.trialCount(), s.budget().episodes(),
                         System.console() != null && !json)) {
                result = injector.getInstance(StudyExecution.class).run(s, text, device, felix.catalog(), store, pool,
                        progress, live, id -> {
                            if (site != null) {
                                System.err.println("Live report: " + Sites.studyUrl(site, id));
                            }
                        }, cancelled);
                progress.close();
                if (site != null && linger > 0 && !cancelled.get()) {
                    Thread.sleep(linger * 1000L);
                }
                ResultsView view = injector.getInstance(ResultsView.class);
                out.print(json ? view.json(store, result.study()) + "\n" : "\n" + view.text(store, result.study()));
                out.flush();
            }
            if (!json) {
                System.err.printf("Stored as run #%d of '%s'. Show again: ./corrigo results %s (table) or ./corrigo serve"
                        + " (report site)%n", result.study().id(), s.name(), s.name());
            }
            if (cancelled.get()) {
                return ExitCodes.CANCELLED;
            }
            return result.outcome().failed() > 0 ? ExitCodes.TRIAL_FAILED : ExitCodes.OK;
        } finally {
            finished.countDown();
        }
    }

    private static void cancelAndWait(AtomicBoolean cancelled, CountDownLatch finished) {
        cancelled.set(true);
        System.err.println("\nInterrupted: stopping after the current episodes; finished trials are kept.");
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
