package io.corrigo.core.internal.cli;

import io.corrigo.core.internal.cluster.ClusterNode;
import io.corrigo.core.internal.cluster.ClusterWorker;
import io.corrigo.core.internal.cluster.HostExecutor;
import io.corrigo.core.internal.cluster.Signer;
import io.corrigo.core.internal.djl.DjlRuntime;
import io.corrigo.core.internal.osgi.FelixHost;
import io.corrigo.core.internal.spec.StudyLoader;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code corrigo worker --join HOST[:PORT]}: joins a coordinator's cluster ({@code run --cluster}),
 * runs the trials it hands out with this machine's plugins and sends everything back; exits when
 * the study is over.
 */
@Command(name = "worker", description = "Join a coordinator (./corrigo run STUDY.yaml --cluster) and run its trials"
        + " here until the study is over.", mixinStandardHelpOptions = true)
final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--join", required = true, paramLabel = "HOST[:PORT]",
            description = "The coordinator's address and Hazelcast port (default port 5701).")
    String join;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "The address this worker listens on (default: 127.0.0.1"
            + " when joining a loopback coordinator, else the address that routes to it).")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", description = "The first Hazelcast port to try here (default: 5702;"
            + " the next free one is taken).")
    int port = ClusterNode.DEFAULT_PORT + 1;

    @Option(names = "--slots", paramLabel = "N", description = "Trials run in parallel here (default: the number of cores).")
    Integer slots;

    @Option(names = "--name", paramLabel = "NAME", description = "How the coordinator names this worker (default:"
            + " process id @ host).")
    String name;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "A file holding the cluster's shared secret"
            + " (default: the CORRIGO_CLUSTER_SECRET environment variable).")
    Path secretFile;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "How long to look for the coordinator before giving"
            + " up (default: 60).")
    int waitSeconds = 60;

    @Mixin
    HostOptions host;

    @Override
    public Integer call() throws InterruptedException {
        ClusterNode.Address coordinator;
        String address;
        try {
            coordinator = ClusterNode.Address.parse(join, ClusterNode.DEFAULT_PORT);
            address = bind != null ? bind : ClusterNode.bindAddressFor(coordinator.host());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--join " + join + ": " + e.getMessage());
        }
        if (slots != null && slots < 1) {
            throw new UserInputException("--slots " + slots + ": expected 1 or more");
        }
        Signer signer = Clusters.signer(secretFile);
        HostPaths paths = host.paths();
        DjlRuntime.configure();
        int n = slots != null ? slots : Runtime.getRuntime().availableProcessors();
        String id = name != null ? name : ManagementFactory.getRuntimeMXBean().getName();
        AtomicBoolean stop = new AtomicBoolean();
        try (FelixHost felix = Hosts.start(paths);
             Interrupts.Registration hook = Interrupts.register(() -> stop.set(true))) {
            DjlRuntime.engine();
            int gpus = DjlRuntime.gpuCount();
            System.err.printf("corrigo worker %s: joining %s from %s with %d slot(s), %d GPU(s) ...%n", id, coordinator,
                    address, n, gpus);
            if (!ClusterNode.awaitReachable(coordinator, Duration.ofSeconds(waitSeconds))) {
                System.err.printf("corrigo worker: nothing listens at %s after %d s. Start the coordinator first"
                        + " (./corrigo run STUDY.yaml --cluster%s --cluster-bind %s) and check the address, the port and"
                        + " the firewall%n", coordinator, waitSeconds, coordinator.port() == ClusterNode.DEFAULT_PORT ? ""
                        : " " + coordinator.port(), coordinator.host());
                return ExitCodes.INTERNAL_ERROR;
            }
            Vertx vertx = ClusterNode.start(address, port, false, List.of(coordinator));
            try {
                ClusterWorker worker = new ClusterWorker(vertx, signer, id, address, n, gpus,
                        new HostExecutor(new StudyLoader(felix.catalog()), felix.catalog(), paths.runs().resolve("worker")),
                        Clusters.HEARTBEAT, Duration.ofSeconds(waitSeconds), System.err);
                ClusterWorker.Ending ending = worker.run(stop);
                return switch (ending) {
                    case DONE -> {
                        System.err.println("corrigo worker: the study is over");
                        yield ExitCodes.OK;
                    }
                    case STOPPED -> ExitCodes.CANCELLED;
                    case REFUSED -> ExitCodes.INVALID_INPUT;
                    case NO_COORDINATOR -> {
                        System.err.printf("corrigo worker: no coordinator answered at %s within %d s. Start one first"
                                + " (./corrigo run STUDY.yaml --cluster%s --cluster-bind %s) and check the address, the"
                                + " port, the firewall and that both use the same secret%n", coordinator, waitSeconds,
                                coordinator.port() == ClusterNode.DEFAULT_PORT ? "" : " " + coordinator.port(),
                                coordinator.host());
                        yield ExitCodes.INTERNAL_ERROR;
                    }
                    case COORDINATOR_LEFT -> {
                        System.err.println("corrigo worker: the coordinator stopped answering");
                        yield ExitCodes.INTERNAL_ERROR;
                    }
                };
            } finally {
                Clusters.leave(vertx);
            }
        }
    }
}
