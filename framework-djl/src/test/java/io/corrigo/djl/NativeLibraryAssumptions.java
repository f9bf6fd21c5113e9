package io.corrigo.djl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;

/** Skips a test of one of the JNI library's features where it cannot be on: not Linux x86_64, turned off, or not built. */
final class NativeLibraryAssumptions {

    private NativeLibraryAssumptions() {
    }

    /** {@code property} / {@code variable}: the feature's switch (see {@code NativeLibrary.Feature}). */
    static void assumeBuiltAndOn(String property, String variable) {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch", "").equals("amd64"), "built for Linux x86_64 only");
        assumeTrue(!"off".equalsIgnoreCase(System.getProperty(property, System.getenv().getOrDefault(variable, "on"))),
                "turned off");
        assumeTrue(NativeLibrary.built(), "not built (no g++ at build time)");
    }
}
