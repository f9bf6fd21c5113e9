package io.corrigo.core.internal.djl;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/**
 * Makes the Intel MKL inside DJL's libtorch take its fast code path on AMD processors, where it
 * otherwise uses generic kernels about half as fast (STACK-NOTES.md: 107 against 227–239 GFLOP/s
 * on one core). A one-function library ({@code src/main/c/corrigo_mkl_intel.c}, built by Maven with
 * gcc) defining {@code mkl_serv_intel_cpu_true() = 1} is loaded with {@code RTLD_GLOBAL} before the
 * engine loads, so it interposes on MKL's own check. Applied only on Linux x86_64 with an AMD CPU;
 * {@code -Dcorrigo.mklIntelPath=off} (or {@code CORRIGO_MKL_INTEL_PATH=off}) turns it off, e.g. to
 * reproduce numbers computed without it (the fast kernels round differently). The library is held
 * for the life of the JVM: JNA would unload it once collected.
 */
public final class MklIntelPath {

    /** What happened. */
    public enum State { APPLIED, NOT_NEEDED, DISABLED, UNAVAILABLE }

    private static final String RESOURCE = "/io/corrigo/core/native/linux-x86_64/libcorrigo-mkl-intel.so";
    private static final int RTLD_NOW_GLOBAL = 0x2 | 0x100;

    private static State state;
    private static String detail = "";
    @SuppressWarnings("unused")
    private static NativeLibrary library;

    private MklIntelPath() {
    }

    /** Applies the remedy once per JVM, before the engine loads; never throws. */
    public static synchronized State apply(Path cacheDirectory) {
        if (state != null) {
            return state;
        }
        String setting = System.getProperty("corrigo.mklIntelPath", System.getenv().getOrDefault("CORRIGO_MKL_INTEL_PATH", "on"));
        if (setting.equalsIgnoreCase("off")) {
            return set(State.DISABLED, "turned off (corrigo.mklIntelPath=off)");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return set(State.NOT_NEEDED, "not Linux x86_64");
        }
        String vendor = vendor();
        if (!vendor.equals("AuthenticAMD") && !vendor.equals("HygonGenuine")) {
            return set(State.NOT_NEEDED, "CPU vendor " + (vendor.isEmpty() ? "unknown" : vendor) + ": MKL's own path applies");
        }
        try (InputStream in = MklIntelPath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return set(State.UNAVAILABLE, "the library was not built (no gcc when Corrigo was built); MKL runs its"
                        + " generic AMD path, about half as fast for matrix products");
            }
            Path dir = Files.createDirectories(cacheDirectory);
            Path lib = dir.resolve("libcorrigo-mkl-intel.so");
            Path tmp = Files.createTempFile(dir, "libcorrigo-mkl-intel", ".so");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            library = NativeLibrary.getInstance(lib.toString(), Map.of(Library.OPTION_OPEN_FLAGS, RTLD_NOW_GLOBAL));
            return set(State.APPLIED, "MKL told it runs on an Intel CPU (" + vendor + "): fast GEMM kernels");
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            return set(State.UNAVAILABLE, "could not load the library: " + e.getMessage());
        }
    }

    /** The state, or empty detail before {@link #apply}. */
    public static synchronized String describe() {
        return state == null ? "not applied yet" : state.name().toLowerCase(Locale.ROOT) + ": " + detail;
    }

    private static State set(State s, String why) {
        state = s;
        detail = why;
        return s;
    }

    private static String vendor() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("vendor_id")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return "";
    }
}
