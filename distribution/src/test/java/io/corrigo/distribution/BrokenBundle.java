package io.corrigo.distribution;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes a bundle that cannot resolve: it imports a package nobody exports. */
final class BrokenBundle {

    private BrokenBundle() {
    }

    static Path write(Path file) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "io.example.broken");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "io.example.nowhere;version=\"[1.0,2)\"");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.flush();
        }
        return file;
    }
}
