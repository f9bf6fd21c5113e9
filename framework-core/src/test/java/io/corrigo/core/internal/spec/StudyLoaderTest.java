package io.corrigo.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.core.internal.fixtures.CorrectEveryStep;
import io.corrigo.core.internal.fixtures.LineEnvironment;
import io.corrigo.core.internal.fixtures.TableLearner;
import io.corrigo.core.internal.fixtures.TestCatalog;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@Epic("Studies")
@Feature("YAML validation")
class StudyLoaderTest {

    private static final String VALID = """
            name: demo
            seeds: [1, 2]
            budget: {episodes: 4, evalEvery: 2, evalEpisodes: 3}
            environments:
              - id: line
            feedback:
              - id: oracle
                label: accurate
              - id: oracle
                label: noisy
                noise: {gaussian: true}
            learners:
              - id: table
                learningRate: 0.01
            """;

    private final StudyLoader loader = new StudyLoader(TestCatalog.standard());

    private StudySpecException invalid(String yaml, String... overrides) {
        return catchThrowableOfType(StudySpecException.class, () -> loader.loadText("s.yaml", yaml, List.of(overrides)));
    }

    @Test
    void bindsEntriesOntoTheirConfigRecordsWithDefaultsFilled() {
        StudySpec s = loader.loadText("s.yaml", VALID, List.of());
        assertThat(s.name()).isEqualTo("demo");
        assertThat(s.trialCount()).isEqualTo(1 * 2 * 1 * 2);
        assertThat(s.budget()).isEqualTo(new Budget(4, 2, 3));
        assertThat(s.environments().get(0).config()).isEqualTo(LineEnvironment.Config.DEFAULTS);
        assertThat(s.feedback()).extracting(PluginEntry::label).containsExactly("accurate", "noisy");
        assertThat(((CorrectEveryStep.Config) s.feedback().get(1).config()).noise())
                .isEqualTo(new CorrectEveryStep.Noise(true, 0.5));
        assertThat(((TableLearner.Config) s.learners().get(0).config()).learningRate()).isEqualTo(0.01);
    }

    @Test
    void bindsTheDemonstrationPhaseAndAllowsAPurelyOfflineStudy() {
        StudySpec s = loader.loadText("s.yaml", VALID.replace("budget: {episodes: 4, evalEvery: 2, evalEpisodes: 3}",
                "budget: {episodes: 0}\ndemonstrations: {episodes: 50, offlineUpdates: 200}"), List.of());
        assertThat(s.demonstrations()).isEqualTo(new Demonstrations(50, 200, 10));
        assertThat(s.budget().episodes()).isZero();
        assertThat(loader.loadText("s.yaml", VALID, List.of()).demonstrations().enabled()).isFalse();
    }

    @Test
    void aLearnerPairedWithSomeFeedbackConditionsRunsOnlyUnderThose() {
        StudySpec s = loader.loadText("s.yaml", VALID.replace("learningRate: 0.01", "learningRate: 0.01\n    pairWith: [noisy]"),
                List.of());
        assertThat(s.learners().get(0).pairWith()).containsExactly("noisy");
        assertThat(s.trialCount()).isEqualTo(1 * 1 * 1 * 2);
        assertThat(io.corrigo.core.internal.run.Planner.plan(s)).extracting(t -> t.feedback().label()).containsOnly("noisy");
    }

    @Test
    void rejectsAPairingWithAnUnknownFeedbackLabelWithASuggestion() {
        StudySpecException e = invalid(VALID.replace("learningRate: 0.01", "learningRate: 0.01\n    pairWith: [noisey]"));
        assertThat(e.problems()).extracting(Problem::code, Problem::path, p -> p.location().toString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Problem.INVALID_VALUE, "learners[0].pairWith", "s.yaml:15:16"));
        assertThat(e.getMessage()).contains("no feedback condition is labelled 'noisey'").contains("Did you mean 'noisy'?");
    }

    @Test
    void rejectsZeroTrainingEpisodesWithoutDemonstrationsSayingWhatWouldWork() {
        StudySpecException e = invalid(VALID.replace("budget: {episodes: 4, evalEvery: 2, evalEpisodes: 3}",
                "budget: {episodes: 0}"));
        assertThat(e.problems()).extracting(Problem::code, Problem::path, p -> p.location().toString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Problem.INVALID_VALUE, "budget.episodes", "s.yaml:3:9"));
        assertThat(e.getMessage()).contains("demonstrations: {episodes: 100}");
    }

    @Test
    void rejectsAMisspeltDemonstrationKeyWithASuggestion() {
        StudySpecException e = invalid(VALID + "demonstrations: {episodes: 5, ofllineUpdates: 3}\n");
        assertThat(e.problems()).extracting(Problem::code, Problem::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Problem.UNKNOWN_KEY, "demonstrations.ofllineUpdates"));
        assertThat(e.getMessage()).contains("offlineUpdates");
    }

    @Test
    void reportsEveryProblemAtOnceEachWithPathAndLineAndColumn() {
        StudySpecException e = invalid("""
                name: broken
                budget:
                  episodes: ten
                environments:
                  - id: line
                    maxStep: 3
                feedback:
                  - id: oracle
                learners:
                  - id: tabel
                  - id: table
                    learningRate: -0.001
                """);
        assertThat(e.problems()).extracting(Problem::code, Problem::path, p -> p.location().toString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Problem.WRONG_TYPE, "budget.episodes", "s.yaml:3:13"),
                org.assertj.core.groups.Tuple.tuple(Problem.UNKNOWN_KEY, "environments[0].maxStep", "s.yaml:6:5"),
                org.assertj.core.groups.Tuple.tuple(Problem.UNKNOWN_PLUGIN, "learners[0]", "s.yaml:10:9"),
                org.assertj.core.groups.Tuple.tuple(Problem.INVALID_VALUE, "learners[1].learningRate", "s.yaml:12:19"));
        assertThat(e.getMessage()).startsWith("Study 'broken' is invalid (4 problems):")
                .contains("1) [corrigo/WrongType] budget.episodes: expected an integer but was the string 'ten'")
                .contains("must be > 0 but was -0.001");
    }

    @Test
    void rejectsUnknownLearnerWithSuggestionAndTheInstalledList() {
        Problem p = invalid(VALID.replace("id: table", "id: tabel")).problems().get(0);
        assertThat(p.message()).isEqualTo("no learner 'tabel' is installed");
        assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("Installed: table.").contains("Did you mean 'table'?"));
    }

    @Test
    void rejectsMisspeltKeyWithSuggestion() {
        Problem p = invalid(VALID.replace("learningRate: 0.01", "learningRat: 0.01")).problems().get(0);
        assertThat(p.code()).isEqualTo(Problem.UNKNOWN_KEY);
        assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).startsWith("Did you mean 'learningRate'?"));
    }

    @Test
    void rejectsAFloatWhereAnIntegerIsExpected() {
        Problem p = invalid(VALID.replace("episodes: 4", "episodes: 4.5")).problems().get(0);
        assertThat(p.path()).isEqualTo("budget.episodes");
        assertThat(p.message()).isEqualTo("expected an integer but was 4.5");
    }

    @Test
    void reportsANestedViolationAtItsNestedKey() {
        Problem p = invalid(VALID.replace("noise: {gaussian: true}", "noise: {scale: -1}")).problems().get(0);
        assertThat(p.path()).isEqualTo("feedback[1].noise.scale");
        assertThat(p.location().line()).isEqualTo(11);
    }

    @Test
    void rejectsAnImpossiblePairingNamingBothPlugins() {
        Problem p = invalid(VALID.replace("noise: {gaussian: true}", "kind: relative")).problems().get(0);
        assertThat(p.code()).isEqualTo(Problem.INCOMPATIBLE);
        assertThat(p.message()).contains("learner 'table'").contains("feedback 'noisy'").contains("relative");
        assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("accepts absolute"));
        assertThat(FeedbackKind.RELATIVE.id()).isEqualTo("relative");
    }

    @Test
    void setOverridesAFieldAndLocatesProblemsAtTheOverride() {
        StudySpec s = loader.loadText("s.yaml", VALID, List.of("budget.episodes=7", "learners[table].learningRate=0.5",
                "feedback[accurate].noise.scale=2", "seeds=[4,5,6]"));
        assertThat(s.budget().episodes()).isEqualTo(7);
        assertThat(((TableLearner.Config) s.learners().get(0).config()).learningRate()).isEqualTo(0.5);
        assertThat(((CorrectEveryStep.Config) s.feedback().get(0).config()).noise().scale()).isEqualTo(2);
        assertThat(s.seeds()).containsExactly(4L, 5L, 6L);
        Problem p = invalid(VALID, "learners[0].learningRate=-1").problems().get(0);
        assertThat(p.location().toString()).isEqualTo("--set learners[0].learningRate=-1");
    }

    @Test
    void rejectsAnOverrideThatSelectsNothing() {
        Problem p = invalid(VALID, "learners[3].learningRate=1").problems().get(0);
        assertThat(p.code()).isEqualTo(Problem.INVALID_OVERRIDE);
        assertThat(p.message()).contains("learners[3] does not exist");
    }

    @Test
    void acceptsASeedCount() {
        assertThat(loader.loadText("s.yaml", VALID.replace("seeds: [1, 2]", "seeds: 4"), List.of()).seeds())
                .containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void rejectsDuplicateLabelsWithinASection() {
        Problem p = invalid(VALID.replace("label: noisy", "label: accurate")).problems().get(0);
        assertThat(p.code()).isEqualTo(Problem.DUPLICATE);
        assertThat(p.path()).isEqualTo("feedback[1]");
    }

    @Test
    void locatesYamlSyntaxErrors() {
        Problem p = invalid("name: x\nseeds: [1, 2\nlearners: []\n").problems().get(0);
        assertThat(p.code()).isEqualTo(Problem.YAML_SYNTAX);
        assertThat(p.location().line()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void reportsMissingSectionsAndUnknownTopLevelKeys() {
        StudySpecException e = invalid("name: x\nlerners: []\n");
        assertThat(e.problems()).extracting(Problem::path)
                .containsExactly("lerners", "environments", "feedback", "learners");
        assertThat(e.problems().get(0).hint()).hasValueSatisfying(h -> assertThat(h).startsWith("Did you mean 'learners'?"));
    }

    @Test
    void rejectsAGpuTheMachineDoesNotHave() {
        StudyLoader strict = new StudyLoader(TestCatalog.standard(),
                d -> d.startsWith("gpu") ? Optional.of("no GPU here") : Optional.empty());
        StudySpecException e = catchThrowableOfType(StudySpecException.class,
                () -> strict.loadText("s.yaml", "device: gpu\n" + VALID, List.of()));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Problem.DEVICE_UNAVAILABLE);
            assertThat(p.location().toString()).isEqualTo("s.yaml:1:9");
        });
        assertThatThrownBy(() -> loader.loadText("s.yaml", "device: tpu\n" + VALID, List.of()))
                .hasMessageContaining("'tpu' is not a device");
    }
}
