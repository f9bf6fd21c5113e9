package io.corrigo.djl;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Loads this bundle's JNI library ({@code src/main/cpp}, behind {@link NativeAutograd} and
 * {@link NativeAdam}) once, after the engine, so that its libtorch references bind to the engine's
 * libtorch and not to another on the library path.
 */
final class NativeLibrary {

    private static final String RESOURCE = "/io/corrigo/djl/native/linux-x86_64/libcorrigo-autograd.so";

    private static String failure;
    private static boolean tried;

    private NativeLibrary() {
    }

    /** Whether the library was built into this bundle (it is not where g++ was missing at build time). */
    static boolean built() {
        return NativeLibrary.class.getResource(RESOURCE) != null;
    }

    /** {@code null} once the library is loaded, else why it cannot be; tries once per class loader. */
    static synchronized String load() {
        if (!tried) {
            tried = true;
            failure = tryLoad();
        }
        return failure;
    }

    private static String tryLoad() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "not Linux x86_64";
        }
        try (InputStream in = NativeLibrary.class.getResourceAsStream(RESOURCE)) {
            Engine.getEngine(Devices.ENGINE);
            if (in == null) {
                return "the library was not built (no g++ when Corrigo was built)";
            }
            // a file of its own per class loader: a JNI library binds to the first loader that loads it
            Path lib = Files.createTempFile("corrigo-autograd", ".so");
            lib.toFile().deleteOnExit();
            Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
            System.load(lib.toString());
            return null;
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            return "could not load the library (" + e.getMessage() + ")";
        }
    }

    /**
     * One use of the library, on only when it loads and the use's own check passes; decided once,
     * with the reason when off. A system property or environment variable set to {@code off} turns
     * it off.
     */
    static final class Feature {

        private final String property;
        private final String variable;
        private final String on;
        private final String fallback;
        private final Supplier<String> check;
        /** Decided once; volatile so that the per-operation calls of a hot loop take no lock. */
        private volatile Boolean available;
        private String detail;

        /**
         * {@code on} describes the feature in use, {@code fallback} what is used instead;
         * {@code check} returns {@code null} when the library computes what it should, else what
         * it got wrong.
         */
        Feature(String property, String variable, String on, String fallback, Supplier<String> check) {
            this.property = property;
            this.variable = variable;
            this.on = on;
            this.fallback = fallback;
            this.check = check;
        }

        boolean available() {
            Boolean decided = available;
            return decided != null ? decided : decide();
        }

        private synchronized boolean decide() {
            if (available == null) {
                String why = whyOff();
                detail = why == null ? on : why;
                available = why == null;   // written last: a reader that sees it sees the detail too
            }
            return available;
        }

        /** Whether it is used (deciding if need be), and why not if not: for manifests and notes. */
        synchronized String describe() {
            return (available() ? "on" : "off") + ": " + detail;
        }

        private String whyOff() {
            if (System.getProperty(property, System.getenv().getOrDefault(variable, "on")).equalsIgnoreCase("off")) {
                return "turned off (" + property + "=off): " + fallback;
            }
            String failure = load();
            if (failure != null) {
                return failure + ": " + fallback;
            }
            String wrong = check.get();
            return wrong == null ? null : "the library loaded but " + wrong + ": " + fallback;
        }
    }
}
