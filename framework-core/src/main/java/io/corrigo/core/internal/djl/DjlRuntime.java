package io.corrigo.core.internal.djl;

import ai.djl.engine.Engine;
import io.corrigo.api.run.ComputeDevice;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * DJL on the host class path, configured once per JVM before the engine first loads: offline
 * (natives from the {@code pytorch-native-cpu} jar, nothing downloaded), one intra-op and one
 * inter-op thread per trial (trials run in parallel instead), natives cached under the user's
 * cache directory. Resolves a study's {@code device} against what the engine sees.
 */
public final class DjlRuntime {

    /** The engine every plugin uses. */
    public static final String ENGINE = "PyTorch";

    private DjlRuntime() {
    }

    /**
     * Sets DJL's system properties unless the user set them, and forces MKL's fast path on AMD
     * processors ({@link MklIntelPath}); call before any DJL class loads an engine.
     */
    public static void configure() {
        setDefault("ai.djl.offline", "true");
        setDefault("ai.djl.pytorch.num_threads", "1");
        setDefault("ai.djl.pytorch.num_interop_threads", "1");
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("corrigo");
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", cache.resolve("djl").toString());
        }
        MklIntelPath.apply(cache.resolve("native"));
    }

    /**
     * The single-thread rate of a 1024×256 by 256×256 matrix product in GFLOP/s (median of 5 timings
     * of 20 products after a warm-up): shows whether MKL runs its fast path.
     */
    public static double gemmRate() {
        try (ai.djl.ndarray.NDManager m = engine().newBaseManager()) {
            ai.djl.ndarray.NDArray x = m.ones(new ai.djl.ndarray.types.Shape(1024, 256));
            ai.djl.ndarray.NDArray w = m.ones(new ai.djl.ndarray.types.Shape(256, 256));
            double[] rates = new double[5];
            for (int r = -1; r < rates.length; r++) {
                long start = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    try (ai.djl.ndarray.NDArray y = x.matMul(w)) {
                        y.getFloat(0, 0);
                    }
                }
                if (r >= 0) {
                    rates[r] = 20 * 2.0 * 1024 * 256 * 256 / ((System.nanoTime() - start) / 1e9) / 1e9;
                }
            }
            java.util.Arrays.sort(rates);
            return rates[2];
        }
    }

    /** Loads the PyTorch engine (first time on a machine: unpacks ~450 MB of natives, a few seconds). */
    public static Engine engine() {
        configure();
        try {
            return Engine.getEngine(ENGINE);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("cannot load DJL's PyTorch engine offline (natives cache "
                    + System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR")) + "): " + e.getMessage(), e);
        }
    }

    /**
     * Resolves {@code auto|cpu|gpu|gpuN}. Returns empty if a GPU was requested and the engine sees
     * none, or fewer than N+1.
     */
    public static Optional<ComputeDevice> resolve(String request) {
        if (request.equals("cpu")) {
            return Optional.of(ComputeDevice.CPU);
        }
        int gpus = gpuCount();
        if (request.equals("auto")) {
            return Optional.of(gpus > 0 ? ComputeDevice.gpu(0) : ComputeDevice.CPU);
        }
        int index = request.equals("gpu") ? 0 : Integer.parseInt(request.substring(3));
        return index < gpus ? Optional.of(ComputeDevice.gpu(index)) : Optional.empty();
    }

    /** GPUs the PyTorch engine can use (0 with the CPU natives). */
    public static int gpuCount() {
        return engine().getGpuCount();
    }

    /** Why a GPU request cannot be met, phrased for the user. */
    public static String gpuUnavailableHint() {
        return "DJL's PyTorch engine sees " + gpuCount() + " GPU(s). Corrigo ships the CPU natives "
                + "(ai.djl.pytorch:pytorch-native-cpu); for a CUDA machine see README 'GPUs'. Use device: cpu or auto.";
    }

    /** DJL and PyTorch versions, for manifests. */
    public static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("djl", Engine.getDjlVersion());
        v.put("pytorch", engine().getVersion());
        v.put("intraOpThreads", System.getProperty("ai.djl.pytorch.num_threads"));
        v.put("mklIntelPath", MklIntelPath.describe());
        return v;
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
