package io.corrigo.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bnd baselining against the published API: a next release (1.1.1) of framework-api built from this
 * repository's sources passes; the same release with a method added to a consumer interface (a
 * change every plugin implementing it would break on) fails, naming the package and the major
 * version it needs. Built offline against the published repository, which holds 1.1.0 as the baseline.
 */
@Epic("Plugins")
@Feature("API versioning")
class BaselineIT {

    @TempDir
    Path dir;

    @Test
    void anUnchangedNextReleasePassesAndABreakingOneFailsNamingThePackageAndTheVersionItNeeds() throws Exception {
        PublishedRepository repo = PublishedRepository.create(dir.resolve("m2"));
        Path same = nextRelease(dir.resolve("same"));
        assertThat(repo.maven(same, "verify")).contains("Baseline").doesNotContain("BUILD FAILURE");

        Path breaking = nextRelease(dir.resolve("breaking"));
        Path learner = breaking.resolve("src/main/java/io/corrigo/api/learner/Learner.java");
        String text = Files.readString(learner);
        Files.writeString(learner, text.substring(0, text.lastIndexOf('}')) + "\n    void rewind();\n}\n");
        assertThatThrownBy(() -> repo.maven(breaking, "verify")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Baseline problems detected").hasMessageContaining("PACKAGE    io.corrigo.api.learner")
                .hasMessageContaining("ADDED        METHOD     rewind()").hasMessageContaining("2.0.0");
    }

    /** framework-api's sources as release 1.1.1 with the repository's build set-up (bnd, then the baseline). */
    private static Path nextRelease(Path project) throws IOException {
        Path sources = Path.of(System.getProperty("corrigo.projectRoot")).resolve("framework-api/src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = project.resolve("src/main/java").resolve(sources.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        Files.writeString(project.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.corrigo</groupId>
                  <artifactId>framework-api</artifactId>
                  <version>1.1.1</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>io.corrigo</groupId><artifactId>corrigo-bom</artifactId><version>1.1.0</version>
                        <type>pom</type><scope>import</scope>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                  <dependencies>
                    <dependency><groupId>org.osgi</groupId><artifactId>org.osgi.annotation.bundle</artifactId><scope>provided</scope></dependency>
                    <dependency><groupId>org.osgi</groupId><artifactId>org.osgi.annotation.versioning</artifactId><scope>provided</scope></dependency>
                    <dependency><groupId>org.osgi</groupId><artifactId>org.osgi.service.component.annotations</artifactId><scope>provided</scope></dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
                      <plugin>
                        <groupId>biz.aQute.bnd</groupId><artifactId>bnd-maven-plugin</artifactId><version>7.3.0</version>
                        <executions><execution><id>bnd-process</id><goals><goal>bnd-process</goal></goals></execution></executions>
                        <configuration><bnd>Bundle-SymbolicName: io.corrigo.framework-api
                -noextraheaders: true</bnd></configuration>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version>
                        <configuration><archive><manifestFile>${project.build.outputDirectory}/META-INF/MANIFEST.MF</manifestFile></archive></configuration>
                      </plugin>
                      <plugin>
                        <groupId>biz.aQute.bnd</groupId><artifactId>bnd-baseline-maven-plugin</artifactId><version>7.3.0</version>
                        <configuration><fullReport>true</fullReport></configuration>
                        <executions><execution><id>baseline</id><goals><goal>baseline</goal></goals></execution></executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """);
        return project;
    }
}
