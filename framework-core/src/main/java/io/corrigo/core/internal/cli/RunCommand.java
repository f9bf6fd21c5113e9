package io.corrigo.core.internal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.corrigo.api.run.ComputeDevice;
import io.corrigo.core.internal.djl.DjlRuntime;
import io.corrigo.core.internal.osgi.FelixHost;
import io.corrigo.core.internal.spec.StudyLoader;
import io.corrigo.core.internal.spec.StudySpec;
import io.corrigo.core.internal.report.HostReportData;
import io.corrigo.core.internal.report.LiveHub;
import io.corrigo.core.internal.store.Store;
import io.corrigo.core.internal.store.StoreQueries;
import io.corrigo.reports.site.ReportServer;
import java.io.IOException;
import java.io.PrintWriter;
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

    @Mixin
    RunOptions options;

    @Mixin
    HostOptions host;

    @Mixin
    ReportOptions report;

    @Spec
    CommandSpec spec;

    @Option(names = "--resume", description = "Continue the newest run of this study if it was interrupted, cancelled or"
            + " crashed: finished and failed trials are kept, the others run again from scratch.")
    boolean resume;

    /** Set by {@code resume NAME}: continue the newest stored run of this study instead of reading a file. */
    String resumeName;

    @Override
    public Integer call() throws IOException, InterruptedException {
        HostPaths paths = host.paths();
        DjlRuntime.configure();
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new HostModule(paths));
        PrintWriter out = spec.commandLine().getOut();
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        io.vertx.core.Vertx vertx = null;
        try (FelixHost felix = Hosts.start(paths);
             Interrupts.Registration hostHook = Interrupts.register(felix::close);
             Interrupts.Registration runHook = Interrupts.register(() -> cancelAndWait(cancelled, finished));
             Store store = Store.open(paths.database())) {
            boolean clustered = options.cluster != null;
            io.corrigo.core.internal.cluster.Signer signer = clustered ? Clusters.signer(options.secretFile) : null;
            StudyLoader loader = clustered ? new StudyLoader(felix.catalog()) : Hosts.loader(felix.catalog());
            RunTarget target = resumeName != null ? RunTarget.fromStore(loader, store, resumeName)
                    : RunTarget.fromFile(loader, store, study, overrides, resume, System.err);
            StudySpec s = target.spec();
            ComputeDevice device = clustered ? DjlRuntime.resolve(s.device()).orElse(ComputeDevice.CPU)
                    : DjlRuntime.resolve(s.device()).orElseThrow();
            DjlRuntime.engine();
            System.err.printf(java.util.Locale.ROOT, "Matrix products: MKL Intel path %s; one core %.0f GFLOP/s%n",
                    io.corrigo.core.internal.djl.MklIntelPath.describe(), DjlRuntime.gemmRate());
            int pool = options.workers != null ? Math.max(clustered ? 0 : 1, options.workers)
                    : clustered ? 0 : Runtime.getRuntime().availableProcessors();
            int count = target.trialCount();
            if (!s.protocolSettings().isEmpty()) {
                System.err.printf("Protocol %s: %d setting(s) written into the entries (listed in the manifest's"
                        + " deviations; ./corrigo validate prints them)%n", s.protocol(), s.protocolSettings().size());
            }
            if (clustered) {
                System.err.printf("Study '%s': %d trials for the cluster's workers%s; results go to %s%n", s.name(), count,
                        pool > 0 ? " and " + pool + " slot(s) here" : "", paths.database());
            } else if (target.resumeOf() == null) {
                System.err.printf("Study '%s': %d trials on %s, %d worker(s); results go to %s%n", s.name(), count,
                        device, Math.min(pool, count), paths.database());
            } else {
                System.err.printf("Resuming run #%d of '%s' (%s): %d of %d trials to run on %s%s, %d worker(s); results go"
                        + " to %s%n", target.resumeOf().id(), s.name(), target.resumeOf().state(), count, s.trialCount(), device,
                        fromCheckpoints(paths, target), Math.max(1, Math.min(pool, count)), paths.database());
            }
            StudyExecution.Result result;
            LiveHub live = new LiveHub();
            vertx = clustered ? Clusters.coordinator(options.clusterBind, options.cluster) : null;
            StudyExecution.Schedulers schedulers = !clustered ? StudyExecution.LOCAL
                    : Clusters.schedulers(vertx, signer, paths, loader, felix.catalog(), target.resumeOf() == null
                            ? study.toString() : target.resumeOf().source(), target.text(), target.resumeOf() == null
                            ? overrides : RunTarget.storedOverrides(target.resumeOf()), pool);
            try (StoreQueries queries = StoreQueries.open(paths.database());
                 ReportServer site = options.noServer ? null : Sites.start(new HostReportData(queries, live, Sites.plugins(
                         injector.getInstance(PluginListing.class), felix.registry(), injector.getInstance(ObjectMapper.class))),
                         live, report);
                 ConsoleProgress progress = new ConsoleProgress(System.err, s.name(), count, s.budget().episodes(),
                         System.console() != null && !options.json)) {
                StudyExecution execution = injector.getInstance(StudyExecution.class);
                java.util.function.LongConsumer announce = id -> {
                    if (site != null) {
                        System.err.println("Live report: " + Sites.studyUrl(site, id));
                    }
                };
                result = target.resumeOf() == null
                        ? execution.run(s, target.text(), device, felix.catalog(), store, pool, progress, live, announce,
                                cancelled, schedulers)
                        : execution.resume(target.resumeOf(), s, target.trials(), device, felix.catalog(), store, pool,
                                progress, live, announce, cancelled, schedulers);
                progress.close();
                if (site != null && options.linger > 0 && !cancelled.get()) {
                    Thread.sleep(options.linger * 1000L);
                }
                ResultsView view = injector.getInstance(ResultsView.class);
                out.print(options.json ? view.json(store, result.study()) + "\n" : "\n" + view.text(store, result.study()));
                out.flush();
            }
            if (!options.json) {
                System.err.printf("Stored as run #%d of '%s'. Show again: ./corrigo results %s (table) or ./corrigo serve"
                        + " (report site)%n", result.study().id(), s.name(), Shell.quote(s.name()));
            }
            if (cancelled.get()) {
                return ExitCodes.CANCELLED;
            }
            return result.outcome().failed() > 0 ? ExitCodes.TRIAL_FAILED : ExitCodes.OK;
        } finally {
            if (vertx != null) {
                Clusters.leave(vertx);
            }
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

    /** {@code " (2 of them from their last checkpoint)"} for a resumed run's trials that have one; empty if none. */
    private static String fromCheckpoints(HostPaths paths, RunTarget target) {
        java.nio.file.Path artifacts = StudyExecution.artifacts(paths, target.spec().name(), target.resumeOf().id());
        long n = target.trials().stream().filter(t -> io.corrigo.core.internal.run.Checkpoints.latestEpisode(
                io.corrigo.core.internal.run.TrialRunner.workDirectory(artifacts, t.key())).isPresent()).count();
        return n == 0 ? "" : " (" + n + " of them from their last checkpoint)";
    }
}
