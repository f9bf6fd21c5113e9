package io.corrigo.core.internal.cli;

import io.corrigo.core.internal.cluster.ClusterNode;
import io.corrigo.core.internal.cluster.ClusterScheduler;
import io.corrigo.core.internal.cluster.ClusterWorker;
import io.corrigo.core.internal.cluster.HostExecutor;
import io.corrigo.core.internal.cluster.Signer;
import io.corrigo.core.internal.djl.DjlRuntime;
import io.corrigo.core.internal.plugin.PluginCatalog;
import io.corrigo.core.internal.run.LocalScheduler;
import io.corrigo.core.internal.spec.StudyLoader;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** The cluster side of {@code run --cluster} and {@code worker}: secrets, the coordinator node, local slots. */
final class Clusters {

    /** The environment variable holding the shared secret when no {@code --secret-file} is given. */
    static final String SECRET_VARIABLE = "CORRIGO_CLUSTER_SECRET";

    /** How long a worker may be silent before its trial is given to another. */
    static final Duration LOST_AFTER = Duration.ofSeconds(Long.getLong("corrigo.cluster.lostAfterSeconds", 10));

    /** How often a worker reports while a trial runs. */
    static final Duration HEARTBEAT = Duration.ofSeconds(1);

    private Clusters() {
    }

    /** The signer for the secret in {@code file}, or in {@value #SECRET_VARIABLE}; a clear error if neither holds one. */
    static Signer signer(Path file) {
        String secret;
        String from;
        if (file != null) {
            try {
                secret = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserInputException("--secret-file " + file + " cannot be read: " + e.getMessage());
            }
            from = "--secret-file " + file;
        } else {
            secret = System.getenv(SECRET_VARIABLE);
            from = SECRET_VARIABLE;
            if (secret == null || secret.isBlank()) {
                throw new UserInputException("a cluster needs a shared secret: give --secret-file FILE or set " + SECRET_VARIABLE
                        + " (the same on the coordinator and every worker; e.g. openssl rand -hex 24 > cluster.secret)");
            }
        }
        try {
            return Signer.of(secret);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(from + ": " + e.getMessage());
        }
    }

    /** Starts the coordinator's node on {@code bind}:{@code port}. */
    static Vertx coordinator(String bind, int port) {
        if (port < 1 || port > 65535) {
            throw new UserInputException("--cluster " + port + ": expected a port from 1 to 65535");
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new java.net.InetSocketAddress(bind, port));
        } catch (IOException e) {
            throw new UserInputException("--cluster " + port + ": " + bind + ":" + port + " cannot be used (" + e.getMessage()
                    + "; another coordinator or program, or an address not of this machine). Pick a free port with --cluster"
                    + " PORT and give the workers the same one: --join HOST:PORT");
        }
        System.err.printf("Cluster: starting the coordinator on %s:%d ...%n", bind, port);
        Vertx vertx = ClusterNode.start(bind, port, true, List.of(new ClusterNode.Address(bind, port)));
        System.err.printf("Cluster: coordinator ready; start workers with: ./corrigo worker --join %s:%d --secret-file FILE%n",
                bind, port);
        return vertx;
    }

    /**
     * The schedulers of a clustered run on {@code vertx}: a {@link ClusterScheduler} for the run, and
     * {@code localSlots} slots in this process that pull from it like any worker.
     */
    static StudyExecution.Schedulers schedulers(Vertx vertx, Signer signer, HostPaths paths, StudyLoader loader,
                                                PluginCatalog catalog, String source, String text, List<String> overrides,
                                                int localSlots) {
        return (spec, pool, runId) -> {
            ClusterScheduler.Ticket ticket = new ClusterScheduler.Ticket(runId, spec.name(), source, text, overrides,
                    spec.device(), spec.device().startsWith("gpu"));
            ClusterScheduler coordinator = new ClusterScheduler(vertx, signer, ticket,
                    StudyExecution.artifacts(paths, spec.name(), runId), LOST_AFTER, LocalScheduler.STOP_GRACE, System.err);
            return (trials, runner, sink, listener, cancelled) -> {
                AtomicBoolean stopLocal = new AtomicBoolean();
                Thread local = null;
                if (localSlots > 0) {
                    ClusterWorker worker = new ClusterWorker(vertx, signer, "coordinator", "local", localSlots,
                            DjlRuntime.gpuCount(), new HostExecutor(loader, catalog, paths.runs().resolve("worker")),
                            HEARTBEAT, Duration.ofMinutes(1), System.err);
                    local = new Thread(() -> {
                        try {
                            worker.run(stopLocal);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, "corrigo-local-worker");
                    local.setDaemon(true);
                    local.start();
                }
                try {
                    return coordinator.run(trials, runner, sink, listener, cancelled);
                } finally {
                    stopLocal.set(true);
                    join(local);
                }
            };
        };
    }

    private static void join(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Leaves the cluster: after a second (idle workers poll more often, so they hear that the study
     * is over and exit), closes {@code vertx}, waiting up to 30 s.
     */
    static void leave(Vertx vertx) {
        try {
            Thread.sleep(1000);
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("Cluster: leaving the cluster took too long: " + e.getMessage());
        }
    }
}
