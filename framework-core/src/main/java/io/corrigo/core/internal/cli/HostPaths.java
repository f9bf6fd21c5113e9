package io.corrigo.core.internal.cli;

import java.nio.file.Path;

/**
 * Where the host finds its bundles and keeps its state.
 *
 * @param home    the Corrigo checkout or installation ({@code corrigo.home}, default: the current directory)
 * @param bundles the bundled plugins ({@code corrigo.bundles}, default {@code home/distribution/target/corrigo/bundles})
 * @param dropins the drop-in folder (default {@code home/dropins})
 * @param runs    the output directory holding the store (default {@code home/runs})
 */
public record HostPaths(Path home, Path bundles, Path dropins, Path runs) {

    /** The SQLite store. */
    public Path database() {
        return runs.resolve("corrigo.db");
    }

    /** The store, which must exist: a clear error naming it otherwise ({@code what}: e.g. "no results yet"). */
    Path existingDatabase(String what) {
        if (!java.nio.file.Files.exists(database())) {
            throw new UserInputException(what + ": " + database() + " does not exist. Run a study first, e.g."
                    + " ./corrigo run configs/quickstart.yaml");
        }
        return database();
    }

    /** Paths from system properties, with command-line overrides where given (null = default). */
    public static HostPaths resolve(Path dropins, Path runs) {
        Path home = Path.of(System.getProperty("corrigo.home", ".")).toAbsolutePath().normalize();
        String b = System.getProperty("corrigo.bundles");
        Path bundles = b != null ? Path.of(b) : home.resolve("distribution/target/corrigo/bundles");
        return new HostPaths(home, bundles.toAbsolutePath().normalize(),
                (dropins != null ? dropins : home.resolve("dropins")).toAbsolutePath().normalize(),
                (runs != null ? runs : home.resolve("runs")).toAbsolutePath().normalize());
    }
}
