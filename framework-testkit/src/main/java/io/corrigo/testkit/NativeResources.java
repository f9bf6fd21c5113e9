package io.corrigo.testkit;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Counts the native memory scopes a plugin holds open, for {@code close()} checks: with DJL on the
 * class path, the managers open under the engine's system manager (every
 * {@code NDManager.newBaseManager} is one; a learner that closes its manager removes it). Read by
 * reflection, so the test kit needs no DJL; empty without DJL, where nothing is counted.
 */
final class NativeResources {

    private NativeResources() {
    }

    /** The number of DJL managers open under the system manager of {@code engine}; empty without DJL. */
    static OptionalInt openManagers(String engine) {
        Class<?> managerType;
        try {
            managerType = Class.forName("ai.djl.ndarray.NDManager");
        } catch (ClassNotFoundException e) {
            return OptionalInt.empty();
        }
        try {
            AutoCloseable probe = (AutoCloseable) managerType.getMethod("newBaseManager", String.class).invoke(null, engine);
            try {
                Object system = managerType.getMethod("getParentManager").invoke(probe);
                Field resources = Class.forName("ai.djl.ndarray.BaseNDManager").getDeclaredField("resources");
                resources.setAccessible(true);
                return OptionalInt.of(((Map<?, ?>) resources.get(system)).size() - 1);   // not counting the probe
            } finally {
                probe.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot count DJL's open managers (" + e + "); is the " + engine
                    + " engine on the test class path?", e);
        }
    }
}
