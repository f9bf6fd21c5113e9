package io.corrigo.core.internal.run;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.StepResult;
import io.corrigo.api.env.Teacher;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.learner.DemonstrationLearner;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.Transition;
import io.corrigo.api.run.Seeds;
import io.corrigo.core.internal.spec.Demonstrations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The demonstration phase of a trial: the teacher drives {@code episodes} episodes on seeds derived
 * from the trial's seed alone (so every learner of a study sees the same ones), a learner that
 * implements {@link DemonstrationLearner} observes every step and then trains offline. The first
 * {@code record} episodes are kept for replay.
 */
final class DemonstrationPhase {

    /** Rollouts of this kind are demonstrations. */
    static final String KIND = "demonstration";

    /**
     * What the phase produced.
     *
     * @param steps     environment steps driven by the teacher
     * @param successes demonstrations that succeeded
     * @param modes     the final mode of every demonstration, counted (empty modes left out)
     * @param rollouts  the recorded demonstrations
     */
    record Outcome(long steps, int successes, Map<String, Integer> modes, List<Rollout> rollouts) {
    }

    private final Demonstrations spec;
    private final long trialSeed;
    private final BooleanSupplier cancelled;

    DemonstrationPhase(Demonstrations spec, long trialSeed, BooleanSupplier cancelled) {
        this.spec = spec;
        this.trialSeed = trialSeed;
        this.cancelled = cancelled;
    }

    /** The reset seed of demonstration {@code i} (from 1): a function of the trial seed only. */
    static long seedOf(long trialSeed, int i) {
        return Seeds.derive(trialSeed, "demonstration-" + i);
    }

    /** Runs the demonstrations with {@code teacher} on {@code env}, feeding {@code learner} if it can learn from them. */
    Outcome run(Environment env, Teacher teacher, Learner learner) {
        DemonstrationLearner student = learner instanceof DemonstrationLearner d ? d : null;
        Space space = env.actionSpace();
        Action centre = centre(space);
        long steps = 0;
        int successes = 0;
        Map<String, Integer> modes = new TreeMap<>();
        List<Rollout> rollouts = new ArrayList<>();
        for (int i = 1; i <= spec.episodes(); i++) {
            if (cancelled.getAsBoolean()) {
                return new Outcome(steps, successes, modes, rollouts);
            }
            Observation obs = env.reset(seedOf(trialSeed, i));
            RolloutRecorder recorder = i <= spec.record() ? new RolloutRecorder(KIND, i) : null;
            boolean success = false;
            for (int t = 1; t <= env.maxSteps(); t++) {
                if (recorder != null) {
                    recorder.before(env, t);
                }
                Action a = teacher.act(obs, centre);
                if (a == null || a.size() != space.dimension()) {
                    throw new IllegalStateException("the demonstrator proposed an action of size "
                            + (a == null ? "null" : a.size()) + " but the action space has " + space.dimension());
                }
                a = space.clip(a);
                StepResult step = env.step(a);
                steps++;
                if (recorder != null) {
                    recorder.after(a, a, new Response(Feedback.None.instance(), a, Response.Executor.TEACHER), a, step);
                }
                success |= step.info().success();
                boolean last = step.done() || t == env.maxSteps();
                if (student != null) {
                    student.observeDemonstration(new Transition(obs, a, Feedback.None.instance(), a,
                            Response.Executor.TEACHER, step.observation(), step.reward(), step.terminated(),
                            step.truncated() || (last && !step.terminated()), step.info(), t));
                }
                if (last) {
                    EvaluationPoint.countMode(modes, step.info());
                    break;
                }
                obs = step.observation();
            }
            if (recorder != null) {
                rollouts.add(recorder.finish(env));
            }
            successes += success ? 1 : 0;
        }
        if (student != null && !cancelled.getAsBoolean()) {
            student.trainOnDemonstrations(spec.offlineUpdates());
        }
        return new Outcome(steps, successes, modes, rollouts);
    }

    /** A one-line summary for the trial's manifest. */
    String describe(Outcome o, String teacher, boolean learned) {
        return String.format(Locale.ROOT, "%d episodes (%d steps) by %s, %d succeeded%s; %s", spec.episodes(), o.steps(),
                teacher, o.successes(), o.modes().isEmpty() ? "" : ", final modes " + o.modes(),
                learned ? spec.offlineUpdates() + " offline updates" : "the learner does not learn from demonstrations "
                        + "and starts the interactive phase untrained");
    }

    private static Action centre(Space space) {
        double[] c = new double[space.dimension()];
        for (int i = 0; i < c.length; i++) {
            c[i] = (space.low(i) + space.high(i)) / 2;
        }
        return Action.ofDoubles(c);
    }
}
