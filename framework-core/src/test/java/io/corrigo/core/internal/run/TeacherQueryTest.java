package io.corrigo.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.env.StepResult;
import io.corrigo.api.env.Teacher;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.run.ComputeDevice;
import io.corrigo.api.run.RunContext;
import io.corrigo.core.internal.fixtures.LineEnvironment;
import io.corrigo.core.internal.fixtures.TestCatalog;
import io.corrigo.core.internal.plugin.PluginKind;
import io.corrigo.core.internal.spec.StudyLoader;
import io.corrigo.core.internal.spec.StudySpec;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code teacherQuery}: which action the scripted teacher is asked about at a training step. */
@Epic("Studies")
@Feature("Interaction loop")
class TeacherQueryTest {

    private static final String STUDY = """
            name: query
            seeds: [1]
            budget: {episodes: 3, evalEvery: 3, evalEpisodes: 1}
            environments: [{id: probe}]
            feedback: [{id: late, %s}]
            learners: [{id: table}]
            """;

    @TempDir
    Path work;

    /** What the teacher was asked about, and what the simulator was shown and carried, step by step. */
    private final List<Action> asked = new ArrayList<>();
    private final List<Action> proposed = new ArrayList<>();
    private final List<Optional<Action>> carried = new ArrayList<>();

    @Test
    void teacherIsAskedAboutTheProposalByDefault() throws Exception {
        run("label: plain");
        assertThat(asked).hasSize(proposed.size()).isEqualTo(proposed);
        assertThat(carried).anyMatch(Optional::isPresent);
    }

    @Test
    void teacherIsAskedAboutTheCarriedCorrectionWhenTheExecutedActionIsWanted() throws Exception {
        run("teacherQuery: executed");
        assertThat(asked).hasSize(proposed.size());
        int differing = 0;
        for (int i = 0; i < asked.size(); i++) {
            Action executed = carried.get(i).orElse(proposed.get(i));
            assertThat(asked.get(i)).as("step %d", i).isEqualTo(executed);
            differing += carried.get(i).isPresent() && !carried.get(i).get().equals(proposed.get(i)) ? 1 : 0;
        }
        assertThat(differing).as("steps where the carried correction is not the proposal").isPositive();
    }

    private void run(String feedbackKeys) throws Exception {
        TestCatalog catalog = TestCatalog.standard()
                .with(PluginKind.ENVIRONMENT, "probe", new ProbeProvider())
                .with(PluginKind.FEEDBACK, "late", new LateProvider());
        StudySpec s = new StudyLoader(catalog).loadText("query.yaml", STUDY.formatted(feedbackKeys), List.of());
        new TrialRunner(catalog, s.budget(), ComputeDevice.CPU, work).run(Planner.plan(s).get(0), new TrialListener() { },
                () -> false);
    }

    /** {@code probe}: the test's line environment whose teacher notes each action it is asked about. */
    private final class ProbeProvider implements EnvironmentProvider<LineEnvironment.Config> {
        private final LineEnvironment.Provider line = new LineEnvironment.Provider();

        @Override
        public Class<LineEnvironment.Config> configType() {
            return LineEnvironment.Config.class;
        }

        @Override
        public LineEnvironment.Config defaultConfig() {
            return LineEnvironment.Config.DEFAULTS;
        }

        @Override
        public String description() {
            return "line whose teacher is watched";
        }

        @Override
        public Environment create(LineEnvironment.Config config, RunContext context) {
            Environment inner = line.create(config, context);
            return new Environment() {
                @Override
                public Space observationSpace() {
                    return inner.observationSpace();
                }

                @Override
                public Space actionSpace() {
                    return inner.actionSpace();
                }

                @Override
                public int maxSteps() {
                    return inner.maxSteps();
                }

                @Override
                public Observation reset(long seed) {
                    return inner.reset(seed);
                }

                @Override
                public StepResult step(Action action) {
                    return inner.step(action);
                }

                @Override
                public Teacher expert() {
                    Teacher teacher = inner.expert();
                    return (o, a) -> {
                        asked.add(a);
                        return teacher.act(o, a);
                    };
                }
            };
        }
    }

    /** {@code late}: executes a silent correction one step after every odd step, as CLIC's loop delays them. */
    private final class LateProvider implements FeedbackSimulatorProvider<LineEnvironment.Config> {
        @Override
        public Class<LineEnvironment.Config> configType() {
            return LineEnvironment.Config.class;
        }

        @Override
        public LineEnvironment.Config defaultConfig() {
            return LineEnvironment.Config.DEFAULTS;
        }

        @Override
        public String description() {
            return "late corrections";
        }

        @Override
        public Set<FeedbackKind> produces(LineEnvironment.Config config) {
            return EnumSet.of(FeedbackKind.ABSOLUTE);
        }

        @Override
        public FeedbackSimulator create(LineEnvironment.Config config, Environment environment, RunContext context) {
            return new FeedbackSimulator() {
                private Action pending;

                @Override
                public void startEpisode() {
                    pending = null;
                }

                @Override
                public Optional<Action> carried() {
                    return Optional.ofNullable(pending);
                }

                @Override
                public Response respond(Query q) {
                    proposed.add(q.proposed());
                    carried.add(carried());
                    Action executed = pending == null ? q.proposed() : pending;
                    Response.Executor by = pending == null ? Response.Executor.LEARNER : Response.Executor.TEACHER;
                    Action correction = Action.ofDoubles(Math.max(-1, Math.min(1, q.expert().get(0) + 0.3)));
                    pending = q.step() % 2 == 0 ? null : correction;
                    // says nothing, so the learner's proposals stay its own and differ from the carried corrections
                    return new Response(Feedback.None.instance(), executed, by);
                }
            };
        }
    }
}
