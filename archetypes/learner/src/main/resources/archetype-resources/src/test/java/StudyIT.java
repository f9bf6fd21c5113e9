package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.testkit.HostStudy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The project's study.yaml in a real Corrigo host with this bundle dropped in (mvn verify). Needs a
 * Corrigo checkout: CORRIGO=/path/to/corrigo mvn verify; skipped, saying so, without one.
 */
class StudyIT {

    @Test
    void theStudyRunsWithThisBundleInARealHost() throws Exception {
        HostStudy.Result result = HostStudy.run(HostStudy.bundleUnderTest(), Files.readString(Path.of("study.yaml")));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("\"${pluginId}\"").containsPattern("\"state\"\\s*:\\s*\"finished\"");
    }
}
