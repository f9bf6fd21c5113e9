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
 * Row (7): the quickstart study run end to end by {@code ./corrigo run} with 1 and with 2 workers,
 * each run a fresh process and a fresh store, the order of the two alternating round by round. It
 * reports wall time (process start to exit: JVM, Felix, 9 trials, the table), trials per minute and
 * the speed-up of 2 workers over 1 in the same round. Corrigo only: the Python code has no study runner.
 */
final class StudyThroughput {

    /** The key {@code --filter} matches to select these rows. */
    static final String KEY = "Study.quickstart workers=1,2";
    static final String STUDY = "configs/quickstart.yaml";
    private static final int TRIALS = 9;
    private static final List<Integer> WORKERS = List.of(1, 2);

    private final Path home;
    private final TreeMap<Integer, List<Double>> seconds = new TreeMap<>();

    StudyThroughput(Path home) {
        this.home = home;
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

    /** One round: the study with 1 and 2 workers, in an order that alternates with {@code round}. */
    String round(int round, Path work) throws IOException, InterruptedException {
        List<Integer> order = new ArrayList<>(WORKERS);
        if (round % 2 == 0) {
            order.sort(Comparator.reverseOrder());
        }
        StringBuilder line = new StringBuilder();
        for (int workers : order) {
            Path runs = work.resolve("study-" + round + "-" + workers);
            ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("corrigo").toString(), "run",
                    home.resolve(STUDY).toString(), "--workers", Integer.toString(workers), "--no-server",
                    "--runs", runs.toString());
            pb.environment().put("CORRIGO_SKIP_BUILD", "1");
            Path log = work.resolve("study-" + round + ".log");
            long t0 = System.nanoTime();
            Process p = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(1, TimeUnit.HOURS)) {
                p.destroyForcibly();
                throw new IOException("the quickstart study did not finish within an hour; its output: " + log);
            }
            if (p.exitValue() != 0) {
                throw new IOException("the quickstart study failed (exit " + p.exitValue() + "); its output: " + log);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            add(workers, s);
            line.append(String.format(Locale.ROOT, ", study with %d worker%s %.0f s", workers, workers == 1 ? "" : "s", s));
            deleteTree(runs);
        }
        return line.toString();
    }

    /** Records one run's wall time. */
    void add(int workers, double wallSeconds) {
        seconds.computeIfAbsent(workers, k -> new ArrayList<>()).add(wallSeconds);
    }

    /** The markdown table; empty when no round ran. */
    String markdown() {
        if (seconds.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nStudy throughput: `./corrigo run " + STUDY + " --no-server` (" + TRIALS
                + " trials), wall time from process start to exit, fresh store each run.\n\n"
                + "| workers | wall time p50 [spread] | trials per minute | speed-up over 1 worker [spread] |\n"
                + "|---|---|---|---|\n");
        List<Double> one = seconds.getOrDefault(1, List.of());
        for (var e : seconds.entrySet()) {
            List<Double> s = e.getValue();
            double p50 = Measurement.median(s);
            List<Double> speedUps = new ArrayList<>();
            for (int i = 0; i < Math.min(one.size(), s.size()); i++) {
                speedUps.add(one.get(i) / s.get(i));
            }
            out.append(String.format(Locale.ROOT, "| %d | %.1f s [%.1f–%.1f] | %.1f | %s |%n", e.getKey(), p50,
                    min(s), max(s), TRIALS * 60 / p50, e.getKey() == 1 ? "—" : String.format(Locale.ROOT,
                            "**%.2f×** [%.2f–%.2f]", Measurement.median(speedUps), min(speedUps), max(speedUps))));
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
