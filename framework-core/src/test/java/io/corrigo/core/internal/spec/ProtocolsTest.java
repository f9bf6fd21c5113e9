package io.corrigo.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.corrigo.core.internal.fixtures.TestCatalog;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;

@Epic("Studies")
@Feature("Protocols")
class ProtocolsTest {

    private static final String STUDY = """
            name: proto
            seeds: [1, 2]
            environments: [line]
            feedback:
              - oracle
              - {id: oracle, label: own, teacherQuery: proposal}
            learners: [table]
            """;

    private final StudyLoader loader = new StudyLoader(TestCatalog.standard());

    @Test
    void corrigoProtocolIsTheDefaultAndAsksTheTeacherAboutTheProposal() {
        StudySpec s = loader.loadText("proto.yaml", STUDY, List.of());
        assertThat(s.protocol()).isEqualTo("corrigo");
        assertThat(s.protocolSettings()).isEmpty();
        assertThat(s.feedback()).extracting(PluginEntry::teacherQuery).containsOnly(TeacherQuery.PROPOSAL);
    }

    @Test
    void clicOriginalWritesTeacherQueryIntoEveryConditionThatDoesNotSetItAndLeavesOtherListsAlone() {
        StudySpec s = loader.loadText("proto.yaml", STUDY, List.of("protocol=clic-original"));
        assertThat(s.protocol()).isEqualTo("clic-original");
        assertThat(s.seeds()).containsExactly(1L, 2L);
        assertThat(s.feedback()).extracting(PluginEntry::teacherQuery)
                .containsExactly(TeacherQuery.EXECUTED, TeacherQuery.PROPOSAL);
        assertThat(s.protocolSettings()).containsExactly("feedback[0] (oracle) teacherQuery=executed");
        assertThat(s.environments()).extracting(PluginEntry::id).containsExactly("line");
        assertThat(s.learners()).extracting(PluginEntry::id).containsExactly("table");
    }

    @Test
    void rejectsAnUnknownProtocolAndTeacherQueryWhereTheyAreWritten() {
        StudySpecException e = catchThrowableOfType(() -> loader.loadText("proto.yaml",
                "protocol: clic\n" + STUDY.replace("teacherQuery: proposal", "teacherQuery: both"), List.of()),
                StudySpecException.class);
        assertThat(e.problems()).extracting(Problem::path, p -> p.location().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("protocol", "proto.yaml:1:11"),
                        org.assertj.core.groups.Tuple.tuple("feedback[1].teacherQuery", "proto.yaml:7:44"));
        assertThat(e.getMessage()).contains("'clic' is not a protocol", "Use corrigo", "clic-original",
                "expected proposal or executed but was");
    }

    @Test
    void teacherQueryBelongsToFeedbackConditionsOnly() {
        StudySpecException e = catchThrowableOfType(() -> loader.loadText("proto.yaml",
                STUDY.replace("learners: [table]", "learners: [{id: table, teacherQuery: executed}]"), List.of()),
                StudySpecException.class);
        assertThat(e.getMessage()).contains("learners[0].teacherQuery").contains("unknown key");
    }
}
