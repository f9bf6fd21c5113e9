package io.corrigo.plugin.rlif;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.learner.Transition;
import java.util.function.Consumer;

/**
 * Turns the steps of a training episode into reinforcement-learning transitions whose only reward
 * is an intervention (RLIF, baselines.md §1.2, the framework's clean labelling): a step is held
 * back until the next one is seen; the learner-executed step right before a takeover starts gets
 * reward −1, every other step 0; the last step of an episode is stored when the episode ends.
 * Steps the teacher executed are stored with reward 0 ({@link RlifConfig.TeacherSteps#ALL}), or — as the
 * released code does — only the last step of each takeover ({@link RlifConfig.TeacherSteps#RELEASED}).
 *
 * <p>An episode that terminates by failure (terminated without success) would otherwise get the
 * best possible value, 0, for ending early: it is either treated as a truncation (bootstrapped,
 * {@link RlifConfig.Failure#BOOTSTRAP}) or penalised like an intervention ({@link RlifConfig.Failure#PENALISE}).
 */
final class InterventionLabeller {

    /**
     * A labelled transition.
     *
     * @param terminal whether the value after it is 0 (a termination that is not bootstrapped)
     */
    record Labelled(Observation observation, Action action, double reward, Observation next, boolean terminal,
                    boolean byTeacher) {
    }

    private final RlifConfig.TeacherSteps teacherSteps;
    private final RlifConfig.Failure failure;
    private final Consumer<Labelled> sink;
    private Transition pending;
    private long interventions;

    InterventionLabeller(RlifConfig.TeacherSteps teacherSteps, RlifConfig.Failure failure, Consumer<Labelled> sink) {
        this.teacherSteps = teacherSteps;
        this.failure = failure;
        this.sink = sink;
    }

    /** The next step of the current episode. */
    void observe(Transition t) {
        boolean takeoverStarts = t.feedback() instanceof Feedback.Takeover takeover && takeover.started();
        boolean byTeacher = t.executedBy() == Response.Executor.TEACHER;
        if (pending != null) {
            boolean pendingByTeacher = pending.executedBy() == Response.Executor.TEACHER;
            boolean intervened = takeoverStarts && !pendingByTeacher;
            if (intervened) {
                interventions++;
            }
            if (!pendingByTeacher || teacherSteps == RlifConfig.TeacherSteps.ALL || !byTeacher) {
                emit(pending, intervened ? -1 : 0, false);
            }
        }
        pending = t;
        if (t.done()) {
            boolean failed = t.terminated() && !t.info().success();
            emit(t, failed && failure == RlifConfig.Failure.PENALISE ? -1 : 0, failed && failure == RlifConfig.Failure.BOOTSTRAP);
            pending = null;
        }
    }

    /** Drops a step held back from an episode that ended without a last step (cancelled). */
    void startEpisode() {
        pending = null;
    }

    /** Learner steps labelled −1 so far. */
    long interventions() {
        return interventions;
    }

    /** Continues counting from {@code interventions} (a checkpoint's). */
    void restoreInterventions(long interventions) {
        this.interventions = interventions;
    }

    private void emit(Transition t, double reward, boolean bootstrapFailure) {
        boolean terminal = t.terminated() && !bootstrapFailure;
        sink.accept(new Labelled(t.observation(), t.executed(), reward, t.next(), terminal,
                t.executedBy() == Response.Executor.TEACHER));
    }
}
