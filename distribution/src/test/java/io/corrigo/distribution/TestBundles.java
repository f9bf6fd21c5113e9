package io.corrigo.distribution;

import io.corrigo.distribution.sleepy.SleepyLearnerProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Bundles written by tests: one that cannot resolve, and one packing the test classes of
 * {@code io.corrigo.distribution.sleepy} as a drop-in that registers learner id {@code sleepy}
 * through Declarative Services, as bnd would for a plugin.
 */
final class TestBundles {

    private static final String PACKAGE = "io/corrigo/distribution/sleepy/";
    private static final String COMPONENT = "OSGI-INF/sleepy.xml";

    private TestBundles() {
    }

    /** A bundle that cannot resolve: it imports a package nobody exports. */
    static Path broken(Path file) throws IOException {
        return importing(file, "io.example.broken", "io.example.nowhere;version=\"[1.0,2)\"");
    }

    /** A bundle built against a future major version of Corrigo's learner API: it needs [2.0,3). */
    static Path futureApi(Path file) throws IOException {
        return importing(file, "io.example.future", "io.corrigo.api.learner;version=\"[2.0,3)\"");
    }

    /** An empty bundle {@code symbolicName} whose only content is its {@code Import-Package}. */
    private static Path importing(Path file, String symbolicName, String imports) throws IOException {
        Manifest m = manifest(symbolicName);
        m.getMainAttributes().putValue("Import-Package", imports);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.flush();
        }
        return file;
    }

    /** The sleepy learner's bundle. */
    static Path sleepy(Path file) throws IOException {
        return sleepy(file, "1.0.0");
    }

    /** The sleepy learner's bundle with {@code Bundle-Version: version}. */
    static Path sleepy(Path file, String version) throws IOException {
        Manifest m = manifest("io.example.sleepy");
        m.getMainAttributes().putValue("Bundle-Version", version);
        Attributes a = m.getMainAttributes();
        a.putValue("Import-Package", "io.corrigo.api;version=\"[1.0,2)\",io.corrigo.api.feedback;version=\"[1.0,2)\","
                + "io.corrigo.api.learner;version=\"[1.0,2)\",io.corrigo.api.run;version=\"[1.0,2)\"");
        a.putValue("Service-Component", COMPONENT);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="io.example.sleepy">
                  <property name="corrigo.plugin.id" type="String" value="sleepy"/>
                  <service><provide interface="io.corrigo.api.learner.LearnerProvider"/></service>
                  <implementation class="%s"/>
                </scr:component>
                """.formatted(SleepyLearnerProvider.class.getName());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.putNextEntry(new JarEntry(COMPONENT));
            jar.write(xml.getBytes(StandardCharsets.UTF_8));
            for (String name : List.of("SleepyConfig", "SleepyLearner", "SleepyLearnerProvider", "SleepyTally")) {
                jar.putNextEntry(new JarEntry(PACKAGE + name + ".class"));
                try (InputStream in = TestBundles.class.getResourceAsStream("/" + PACKAGE + name + ".class")) {
                    in.transferTo(jar);
                }
            }
        }
        return file;
    }

    private static Manifest manifest(String symbolicName) {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", "1.0.0");
        return m;
    }
}
