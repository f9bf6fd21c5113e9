package io.corrigo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Row (7): the quickstart study run end to end by {@code ./corrigo run} with 1 and with 2 local
 * workers, and with 1 and 2 cluster workers ({@code run --cluster} plus {@code worker --join}
 * processes on 127.0.0.1, one slot each); each run uses fresh processes and a fresh store, the order
 * alternating round by round. It reports wall time (coordinator or host process start to exit: JVMs,
 * Felix, the cluster joining, 9 trials, the table), trials per minute and the speed-up of 2 workers
 * over 1 of the same kind in the same round. Corrigo only: the Python code has no study runner.
 */
final class StudyThroughput {

    /** The key {@code --filter} matches to select the local rows. */
    static final String KEY = "Study.quickstart workers=1,2";
    /** The key {@code --filter} matches to select the cluster rows. */
    static final String CLUSTER_KEY = "Study.quickstart cluster workers=1,2";
    static final String STUDY = "configs/quickstart.yaml";
    private static final int TRIALS = 9;

    /** How the study runs: in one process, or on a coordinator with worker processes. */
    record Mode(boolean cluster, int workers) implements Comparable<Mode> {
        String label() {
            return (cluster ? "cluster, " : "local, ") + workers + " worker" + (workers == 1 ? "" : "s");
        }

        @Override
        public int compareTo(Mode o) {
            return cluster != o.cluster ? Boolean.compare(cluster, o.cluster) : Integer.compare(workers, o.workers);
        }
    }

    private final Path home;
    private final List<Mode> modes = new ArrayList<>();
    private final TreeMap<Mode, List<Double>> seconds = new TreeMap<>();

    StudyThroughput(Path home, boolean local, boolean cluster) {
        this.home = home;
        for (int w : List.of(1, 2)) {
            if (local) {
                modes.add(new Mode(false, w));
            }
            if (cluster) {
                modes.add(new Mode(true, w));
            }
        }
    }

    /** Why the rows cannot run here (no launcher, no built distribution), or empty when they can. */
    Optional<String> unavailable() {
        if (!Files.isRegularFile(home.resolve("corrigo")) || !Files.isRegularFile(home.resolve(STUDY))) {
            return Optional.of("no ./corrigo launcher or " + STUDY + " under " + home);
        }
        if (!Files.isRegularFile(home.resolve("distribution/target/corrigo/.built"))) {
            return Optional.of("the host is not built; run ./corrigo run " + STUDY + " once");
        }
        return Optional.empty();
    }

    /** One round: the study in every selected mode, in an order that alternates with {@code round}. */
    String round(int round, Path work) throws IOException, InterruptedException {
        List<Mode> order = new ArrayList<>(modes);
        if (round % 2 == 0) {
            java.util.Collections.reverse(order);
        }
        StringBuilder line = new StringBuilder();
        for (Mode mode : order) {
            Path runs = work.resolve("study-" + round + "-" + (mode.cluster() ? "c" : "l") + mode.workers());
            Path log = work.resolve("study-" + round + ".log");
            long t0 = System.nanoTime();
            List<Process> workers = new ArrayList<>();
            Process p;
            try {
                if (mode.cluster()) {
                    Path secret = work.resolve("cluster.secret");
                    Files.writeString(secret, "bench-cluster-secret-" + round + "-" + System.nanoTime());
                    int port = 16701 + round * 10;
                    p = start(log, "run", home.resolve(STUDY).toString(), "--no-server", "--runs", runs.toString(),
                            "--cluster", Integer.toString(port), "--secret-file", secret.toString());
                    for (int w = 0; w < mode.workers(); w++) {
                        workers.add(start(log, "worker", "--join", "127.0.0.1:" + port, "--secret-file", secret.toString(),
                                "--slots", "1", "--name", "bench-" + w, "--port", Integer.toString(port + 1 + w),
                                "--runs", runs.resolve("worker-" + w).toString(), "--wait", "120"));
                    }
                } else {
                    p = start(log, "run", home.resolve(STUDY).toString(), "--workers", Integer.toString(mode.workers()),
                            "--no-server", "--runs", runs.toString());
                }
                if (!p.waitFor(1, TimeUnit.HOURS)) {
                    throw new IOException("the quickstart study did not finish within an hour; its output: " + log);
                }
                if (p.exitValue() != 0) {
                    throw new IOException("the quickstart study failed (exit " + p.exitValue() + "); its output: " + log);
                }
            } finally {
                for (Process w : workers) {
                    if (!w.waitFor(1, TimeUnit.MINUTES)) {
                        w.destroyForcibly();
                    }
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            add(mode, s);
            line.append(String.format(Locale.ROOT, ", study %s %.0f s", mode.label(), s));
            deleteTree(runs);
        }
        return line.toString();
    }

    private Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("corrigo").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("CORRIGO_SKIP_BUILD", "1");
        return pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Records one run's wall time. */
    void add(Mode mode, double wallSeconds) {
        seconds.computeIfAbsent(mode, k -> new ArrayList<>()).add(wallSeconds);
    }

    /** The markdown table; empty when no round ran. */
    String markdown() {
        if (seconds.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nStudy throughput: `./corrigo run " + STUDY + " --no-server` (" + TRIALS
                + " trials), wall time from process start to exit, fresh store each run; cluster: the coordinator"
                + " (`--cluster`, no trials of its own) and N `./corrigo worker --slots 1` processes on 127.0.0.1,"
                + " timed from the coordinator's start to its exit.\n\n"
                + "| how | wall time p50 [spread] | trials per minute | speed-up over 1 worker of the same kind [spread] |\n"
                + "|---|---|---|---|\n");
        for (var e : seconds.entrySet()) {
            List<Double> s = e.getValue();
            double p50 = Measurement.median(s);
            List<Double> one = seconds.getOrDefault(new Mode(e.getKey().cluster(), 1), List.of());
            List<Double> speedUps = new ArrayList<>();
            for (int i = 0; i < Math.min(one.size(), s.size()); i++) {
                speedUps.add(one.get(i) / s.get(i));
            }
            out.append(String.format(Locale.ROOT, "| %s | %.1f s [%.1f–%.1f] | %.1f | %s |%n", e.getKey().label(), p50,
                    min(s), max(s), TRIALS * 60 / p50, e.getKey().workers() == 1 || speedUps.isEmpty() ? "—"
                            : String.format(Locale.ROOT, "**%.2f×** [%.2f–%.2f]", Measurement.median(speedUps),
                            min(speedUps), max(speedUps))));
        }
        return out.toString();
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
