package io.corrigo.bench;

import io.corrigo.core.internal.djl.DjlRuntime;
import io.corrigo.core.internal.djl.MklIntelPath;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code ./corrigo bench}: runs the JMH benchmarks in a JVM started exactly as {@code ./corrigo}
 * starts one (same java, options, class path and malloc environment) and the Python reference of
 * the same work, alternating processes round by round, and prints the table of {@link Report}.
 */
public final class BenchSuite {

    private static final String USAGE = """
            usage: ./corrigo bench [--rounds N] [--warmup S] [--measure S] [--filter REGEX] [--no-python] [--no-study] [--out FILE]
              --rounds N      process pairs (Corrigo, Python, Python with tuned malloc) to alternate; default 5
              --warmup S      seconds of warm-up per row and process; default 2
              --measure S     seconds of timed calls per row and process; default 3
              --filter REGEX  only rows whose key matches (keys: MlpBench.trainStep batch=32, EnergyBench.actDfo ...);
                              the matrix-product row that sets the FP32 limit always runs; the quickstart
                              study with 1 and 2 workers is "Study.quickstart workers=1,2", on 1 and 2
                              cluster workers "Study.quickstart cluster workers=1,2"; "KernelBench" selects the
                              opt-in rows of single libtorch operations at the RLIF critics' shapes
              --no-python     Corrigo's side only
              --no-study      skip the study throughput rows, local and cluster (about two minutes per round)
              --out FILE      also write the report there; default runs/bench/bench-<time>.md""";

    record Options(int rounds, double warmup, double measure, Pattern filter, boolean python, boolean study, Path out) {
    }

    private BenchSuite() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options, System.out));
    }

    static Options parse(String[] args) {
        int rounds = 5;
        double warmup = 2;
        double measure = 3;
        Pattern filter = Pattern.compile("");
        boolean python = true;
        boolean study = true;
        Path home = Path.of(System.getProperty("corrigo.home", "."));
        Path out = home.resolve("runs/bench/bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--no-python")) {
                python = false;
                continue;
            }
            if (a.equals("--no-study")) {
                study = false;
                continue;
            }
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println(USAGE);
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--rounds" -> rounds = positiveInt(a, v);
                case "--warmup" -> warmup = positiveSeconds(a, v);
                case "--measure" -> measure = positiveSeconds(a, v);
                case "--out" -> out = Path.of(v);
                case "--filter" -> {
                    try {
                        filter = Pattern.compile(v);
                    } catch (PatternSyntaxException e) {
                        throw new IllegalArgumentException("--filter is not a regular expression: " + e.getDescription());
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        Pattern selected = filter;
        boolean studyMatches = selected.matcher(StudyThroughput.KEY).find()
                || selected.matcher(StudyThroughput.CLUSTER_KEY).find();
        if (Row.selected(selected).isEmpty() && !studyMatches) {
            List<String> keys = new ArrayList<>(Row.all().stream().map(Row::key).toList());
            keys.addAll(Row.kernels().stream().map(Row::key).toList());
            keys.add(StudyThroughput.KEY);
            keys.add(StudyThroughput.CLUSTER_KEY);
            throw new IllegalArgumentException("--filter " + filter + " matches no row; rows: " + keys);
        }
        return new Options(rounds, warmup, measure, filter, python, study && studyMatches, out);
    }

    private static int positiveInt(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a whole number >= 1, got '" + value + "'");
    }

    private static double positiveSeconds(String option, String value) {
        try {
            double s = Double.parseDouble(value);
            if (s > 0 && s < 3600) {
                return s;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs seconds > 0 (e.g. 2 or 0.5), got '" + value + "'");
    }

    static int run(Options o, PrintStream log) throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>(Row.selected(o.filter()));
        if (rows.stream().noneMatch(r -> r.key().equals("GemmBench.product"))) {
            rows.add(Row.byKey("GemmBench.product").orElseThrow());
        }
        DjlRuntime.configure();
        String header = header(rows.size(), o);
        log.print(header);
        Optional<String> noPython = o.python() ? PythonReference.ensure(log) : Optional.of("--no-python");
        noPython.ifPresent(why -> log.println("bench: Corrigo's side only (" + why + ")"));
        StudyThroughput study = new StudyThroughput(Path.of(System.getProperty("corrigo.home", ".")).toAbsolutePath(),
                o.filter().matcher(StudyThroughput.KEY).find(), o.filter().matcher(StudyThroughput.CLUSTER_KEY).find());
        Optional<String> noStudy = o.study() ? study.unavailable() : Optional.of("not selected");
        if (o.study() && noStudy.isPresent()) {
            log.println("bench: no study throughput rows (" + noStudy.get() + ")");
        }
        Path work = Files.createTempDirectory("corrigo-bench");
        Path script = PythonReference.script(work);
        String keys = String.join("|", rows.stream().filter(Row::python).map(Row::key).toList());
        List<Map<String, Measurement>> corrigo = new ArrayList<>();
        List<Map<String, Measurement>> python = new ArrayList<>();
        List<Map<String, Measurement>> tuned = new ArrayList<>();
        String torch = "";
        for (int round = 1; round <= o.rounds(); round++) {
            long t0 = System.nanoTime();
            Path jmh = work.resolve("corrigo-" + round + ".json");
            exec(jvm(rows, o, jmh), work.resolve("corrigo-" + round + ".log"), "Corrigo (JMH)");
            corrigo.add(Measurement.readJmh(jmh));
            String line = String.format(Locale.ROOT, "round %d/%d: Corrigo %.0f s", round, o.rounds(), seconds(t0));
            if (noPython.isEmpty()) {
                for (boolean tunedMalloc : new boolean[] {false, true}) {
                    long t1 = System.nanoTime();
                    Path out = work.resolve("python-" + (tunedMalloc ? "tuned-" : "") + round + ".json");
                    exec(PythonReference.command(script, out, o.warmup(), o.measure(), keys, tunedMalloc),
                            work.resolve("python-" + round + ".log"), "Python");
                    (tunedMalloc ? tuned : python).add(Measurement.readPython(out));
                    torch = Measurement.torchVersion(out);
                    line += String.format(Locale.ROOT, ", Python%s %.0f s", tunedMalloc ? " (malloc tuned)" : "", seconds(t1));
                }
            }
            if (noStudy.isEmpty()) {
                line += study.round(round, work);
            }
            log.println(line);
        }
        String report = header + (torch.isEmpty() ? "" : "Python: " + PythonReference.PYTHON + ", torch " + torch
                + ", OPENBLAS_NUM_THREADS=1\n") + "\n" + new Report(corrigo, python, tuned).markdown() + study.markdown();
        log.println();
        log.print(report.substring(header.length()));
        Files.createDirectories(o.out().toAbsolutePath().getParent());
        Files.writeString(o.out(), report);
        log.println("\nbench: report written to " + o.out());
        try (var files = Files.list(work)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(work);
        return 0;
    }

    private static ProcessBuilder jvm(List<Row> rows, Options o, Path out) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.openjdk.jmh.Main"));
        command.add(rows.stream().map(r -> Pattern.quote("io.corrigo.bench." + r.key().split(" ")[0]) + "$")
                .distinct().reduce((a, b) -> a + "|" + b).orElseThrow());
        Map<String, List<String>> params = new java.util.TreeMap<>();
        for (Row r : rows) {
            String[] parts = r.key().split(" ");
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                params.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
            }
        }
        params.forEach((k, v) -> command.addAll(List.of("-p", k + "=" + String.join(",", v))));
        long warmupMs = Math.round(o.warmup() * 1000);
        long iterationMs = Math.max(100, Math.round(o.measure() * 1000 / 3));
        command.addAll(List.of("-f", "0", "-bm", "sample", "-tu", "us", "-wi", "1", "-w", warmupMs + "ms",
                "-i", "3", "-r", iterationMs + "ms", "-foe", "true", "-rf", "json", "-rff", out.toString()));
        return new ProcessBuilder(command);
    }

    private static void exec(ProcessBuilder pb, Path log, String what) throws IOException, InterruptedException {
        Process p = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(2, TimeUnit.HOURS)) {
            p.destroyForcibly();
            throw new IOException(what + " did not finish within 2 hours; its output: " + log);
        }
        if (p.exitValue() != 0) {
            throw new IOException(what + " failed (exit " + p.exitValue() + "); its output: " + log);
        }
    }

    private static String header(int rows, Options o) throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        return String.format(Locale.ROOT, "# Corrigo benchmark suite, %s%n%nMachine: %s, %d cores; Java %s; "
                        + "one intra-op thread each side.%nMatrix products: %s.%nGradient penalty (Corrigo): %s.%n"
                        + "Adam update (Corrigo): %s.%nReLU (Corrigo): %s.%n"
                        + "%d rows × %d rounds (Corrigo, then Python "
                        + "with default and with tuned malloc), %.1f s warm-up + %.1f s timed per row and process.%n",
                LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16), cpu,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), MklIntelPath.describe(),
                io.corrigo.djl.NativeAutograd.describe(), io.corrigo.djl.NativeAdam.describe(),
                io.corrigo.djl.InPlaceRelu.describe(), rows, o.rounds(),
                o.warmup(), o.measure());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
