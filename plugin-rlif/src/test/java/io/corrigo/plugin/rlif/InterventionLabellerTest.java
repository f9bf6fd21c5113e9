package io.corrigo.plugin.rlif;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.learner.Transition;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@Epic("Learners")
@Feature("rlif")
class InterventionLabellerTest {

    private final List<InterventionLabeller.Labelled> stored = new ArrayList<>();

    /**
     * Runs one episode described by a string, one character per step: {@code l} the learner acts,
     * {@code T} a takeover starts (teacher acts), {@code t} the teacher keeps control. The last
     * step ends the episode (truncated unless {@code end} says otherwise). Returns the rewards of
     * the stored transitions, labelled by the step they came from.
     */
    private List<String> run(String steps, RlifConfig.TeacherSteps teacherSteps, RlifConfig.Failure failure, String end) {
        InterventionLabeller labeller = new InterventionLabeller(teacherSteps, failure, stored::add);
        labeller.startEpisode();
        for (int i = 0; i < steps.length(); i++) {
            char c = steps.charAt(i);
            boolean last = i == steps.length() - 1;
            Feedback f = c == 'l' ? Feedback.None.instance() : new Feedback.Takeover(Action.of(i), 0, c == 'T');
            boolean terminated = last && !end.equals("truncated");
            labeller.observe(new Transition(Observation.of(i), Action.of(i), f, Action.of(i),
                    c == 'l' ? Response.Executor.LEARNER : Response.Executor.TEACHER, Observation.of(i + 1), 0,
                    terminated, last && !terminated, new StepInfo(end.equals("success"), 0), i + 1));
        }
        List<String> out = new ArrayList<>();
        for (InterventionLabeller.Labelled l : stored) {
            out.add((int) l.observation().get(0) + ":" + (int) l.reward() + (l.terminal() ? "!" : ""));
        }
        return out;
    }

    private List<String> run(String steps) {
        return run(steps, RlifConfig.TeacherSteps.ALL, RlifConfig.Failure.BOOTSTRAP, "truncated");
    }

    @Test
    void theLearnerStepBeforeATakeoverGetsMinusOneAndEveryOtherStepZero() {
        assertThat(run("llTttll")).containsExactly("0:0", "1:-1", "2:0", "3:0", "4:0", "5:0", "6:0");
    }

    @Test
    void aTakeoverAtTheFirstStepPenalisesNothing() {
        assertThat(run("Tttll")).containsExactly("0:0", "1:0", "2:0", "3:0", "4:0");
    }

    @Test
    void aTakeoverAtTheLastStepPenalisesTheStepBeforeIt() {
        assertThat(run("lllT")).containsExactly("0:0", "1:0", "2:-1", "3:0");
    }

    @Test
    void backToBackTakeoversPenaliseOnlyLearnerSteps() {
        // a second takeover right after the first: the teacher's step before it is not penalised;
        // after one learner step a third takeover penalises that step
        assertThat(run("lTtTtlT")).containsExactly("0:-1", "1:0", "2:0", "3:0", "4:0", "5:-1", "6:0");
    }

    @Test
    void theReleasedCodeKeepsOnlyTheLastTeacherStepOfEachTakeover() {
        assertThat(run("lTttll", RlifConfig.TeacherSteps.RELEASED, RlifConfig.Failure.BOOTSTRAP, "truncated"))
                .containsExactly("0:-1", "3:0", "4:0", "5:0");
    }

    @Test
    void aSuccessTerminatesTheValueAndAFailureDoesNotEarnAFreeZero() {
        assertThat(run("lll", RlifConfig.TeacherSteps.ALL, RlifConfig.Failure.BOOTSTRAP, "success"))
                .containsExactly("0:0", "1:0", "2:0!");
        stored.clear();
        assertThat(run("lll", RlifConfig.TeacherSteps.ALL, RlifConfig.Failure.BOOTSTRAP, "failure"))
                .as("bootstrapped: not terminal").containsExactly("0:0", "1:0", "2:0");
        stored.clear();
        assertThat(run("lll", RlifConfig.TeacherSteps.ALL, RlifConfig.Failure.PENALISE, "failure"))
                .as("penalised like an intervention").containsExactly("0:0", "1:0", "2:-1!");
    }
}
