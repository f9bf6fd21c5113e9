package io.corrigo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Python side of the suite: Debian's {@code python3-torch} under {@code /usr/bin/python3} (only
 * that interpreter sees it), with {@code libopenblas0-pthread} (without it torch falls back to the
 * reference BLAS, ~20× slower). Installs both with apt when missing and running as root. Runs the
 * reference with one BLAS thread and without the machine's {@code OPENBLAS_CORETYPE} /
 * {@code OPENBLAS_L2_SIZE}, once with glibc's default malloc and once with raised thresholds.
 */
final class PythonReference {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final List<String> PACKAGES = List.of("python3-torch", "libopenblas0-pthread");

    private PythonReference() {
    }

    /** Empty when the reference can run; otherwise why not. Installs the packages if it can. */
    static Optional<String> ensure(PrintStream log) throws InterruptedException {
        if (ready()) {
            return Optional.empty();
        }
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return Optional.of("python3-torch is not importable by " + PYTHON + " and there is no apt-get to install it");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("python3-torch or libopenblas0-pthread is missing; install them: sudo apt-get install -y "
                    + String.join(" ", PACKAGES));
        }
        log.println("bench: installing " + String.join(" ", PACKAGES) + " with apt-get (once per machine)...");
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
        install.addAll(PACKAGES);
        if (run(install) != 0 && (run(List.of("apt-get", "update")) != 0 || run(install) != 0)) {
            return Optional.of("apt-get could not install " + String.join(" ", PACKAGES));
        }
        return ready() ? Optional.empty() : Optional.of("installed, but " + PYTHON + " still cannot import torch");
    }

    /** Writes the reference script into {@code directory}. */
    static Path script(Path directory) throws IOException {
        Path script = directory.resolve("torch_reference.py");
        try (InputStream in = PythonReference.class.getResourceAsStream("torch_reference.py")) {
            if (in == null) {
                throw new IOException("torch_reference.py is missing from the benchmarks jar");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return script;
    }

    /** The process that measures the rows {@code keys} ({@code |}-separated), writing JSON to {@code out}. */
    static ProcessBuilder command(Path script, Path out, double warmupSeconds, double measureSeconds, String keys,
                                  boolean tunedMalloc) {
        ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), script.toString(), out.toString(),
                Double.toString(warmupSeconds), Double.toString(measureSeconds), keys);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("MALLOC_") || k.equals("OPENBLAS_CORETYPE") || k.equals("OPENBLAS_L2_SIZE"));
        env.put("OPENBLAS_NUM_THREADS", "1");
        env.put("OMP_NUM_THREADS", "1");
        env.put("MKL_NUM_THREADS", "1");
        if (tunedMalloc) {
            env.put("MALLOC_MMAP_THRESHOLD_", "8388608");
            env.put("MALLOC_TRIM_THRESHOLD_", "67108864");
        }
        return pb;
    }

    private static boolean ready() throws InterruptedException {
        return Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c", "import torch")) == 0
                && run(List.of("sh", "-c",
                "dpkg-query -W -f='${Status}' libopenblas0-pthread | grep -q 'ok installed'")) == 0;
    }

    private static int run(List<String> command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        }
    }
}
