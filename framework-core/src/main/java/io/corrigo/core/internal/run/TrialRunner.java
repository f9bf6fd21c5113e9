package io.corrigo.core.internal.run;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.DesiredActionStates;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.StepResult;
import io.corrigo.api.feedback.Demonstrator;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.learner.DemonstrationLearner;
import io.corrigo.api.learner.LandscapeSource;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.RolloutAware;
import io.corrigo.api.learner.Transition;
import io.corrigo.api.run.ComputeDevice;
import io.corrigo.api.run.Seeds;
import io.corrigo.core.internal.plugin.PluginCatalog;
import io.corrigo.core.internal.spec.Budget;
import io.corrigo.core.internal.spec.Demonstrations;
import io.corrigo.core.internal.spec.TeacherQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Runs one trial: the interaction loop of ARCHITECTURE.md §4. Per training episode the learner
 * proposes, the teacher answers, the feedback simulator decides what is said and executed, the
 * environment steps and the learner observes; evaluations run on fixed seeds without feedback.
 * Any exception from a plugin becomes a {@link TrialFailedException}.
 */
public final class TrialRunner {

    /** Evaluation rollout j of every evaluation point, for every learner, resets with this seed + j. */
    public static final long EVALUATION_SEED_BASE = 100_001L;

    /** Where in a trial's work directory its trained learner's state is kept. */
    public static final String POLICY_DIRECTORY = "policy";

    /** The sessions running now, by thread, for {@link #whereIs}. */
    private static final Map<Thread, Session> LIVE = new ConcurrentHashMap<>();

    private final PluginCatalog catalog;
    private final Budget budget;
    private final Demonstrations demonstrations;
    private final ComputeDevice device;
    private final Path workRoot;

    public TrialRunner(PluginCatalog catalog, Budget budget, ComputeDevice device, Path workRoot) {
        this(catalog, budget, Demonstrations.DEFAULTS, device, workRoot);
    }

    public TrialRunner(PluginCatalog catalog, Budget budget, Demonstrations demonstrations, ComputeDevice device,
                       Path workRoot) {
        this.catalog = catalog;
        this.budget = budget;
        this.demonstrations = demonstrations;
        this.device = device;
        this.workRoot = workRoot;
    }

    /** The work directory of the trial {@code key} under a run's {@code workRoot}. */
    public static Path workDirectory(Path workRoot, String key) {
        return workRoot.resolve(key.replace('/', '_'));
    }

    /**
     * Where the trial running on {@code thread} is, e.g. {@code training episode 3, step 17}, for a
     * watchdog on another thread; empty when no trial runs there.
     */
    public static Optional<String> whereIs(Thread thread) {
        Session s = LIVE.get(thread);
        if (s == null) {
            return Optional.empty();
        }
        int step = s.step;
        return Optional.of(s.where + (step > 0 ? ", step " + step : ""));
    }

    /** Runs {@code trial} to the end of its budget, or until {@code cancelled}. */
    public TrialResult run(Trial trial, TrialListener listener, BooleanSupplier cancelled) throws TrialFailedException {
        long start = System.nanoTime();
        HostRunContext context = new HostRunContext(trial.key(), trial.seed(), device,
                workDirectory(workRoot, trial.key()), cancelled);
        Session s = new Session(trial, context, listener);
        MemoryWatch memory = new MemoryWatch(budget.memoryLimit());
        LIVE.put(Thread.currentThread(), s);
        TrialPlugins plugins = new TrialPlugins(catalog, trial, context);
        Checkpoints checkpoints = new Checkpoints(context.workDirectory());
        long resumedMillis = 0;
        try (Environment env = plugins.environment();
             Learner learner = plugins.learner(env);
             FeedbackSimulator feedback = plugins.feedback(env)) {
            Optional<String> unsupported = Checkpoints.unsupported(learner, feedback, trial);
            int first = 1;
            Optional<Checkpoints.Saved> saved = unsupported.isEmpty() ? checkpoints.latest() : Optional.empty();
            if (saved.isPresent() && s.resume(saved.get(), env, learner, feedback)) {
                first = saved.get().host().episode() + 1;
                resumedMillis = saved.get().host().wallMillis();
            } else {
                if (demonstrations.enabled()) {
                    s.demonstrate(env, learner, feedback);
                    if (cancelled.getAsBoolean()) {
                        throw new TrialFailedException(trial.key(), trial.seed(), "cancelled", null);
                    }
                }
                s.evaluate(env, learner, 0);
            }
            context.note("host.checkpoint", unsupported.map(why -> "none: " + why + "; an interrupted trial restarts"
                    + " from its first episode").orElse("after every evaluation (every " + budget.evalEvery()
                    + " training episodes), for resuming an interrupted trial"));
            for (int episode = first; episode <= budget.episodes(); episode++) {
                if (cancelled.getAsBoolean()) {
                    throw new TrialFailedException(trial.key(), trial.seed(), "cancelled", null);
                }
                s.trainEpisode(env, learner, feedback, episode);
                listener.onEpisode(trial, episode, budget.episodes());
                if (episode % budget.evalEvery() == 0 || episode == budget.episodes()) {
                    s.evaluate(env, learner, episode);
                    if (unsupported.isEmpty() && episode < budget.episodes()) {
                        s.checkpoint(checkpoints, env, learner, feedback, episode,
                                resumedMillis + (System.nanoTime() - start) / 1_000_000);
                    }
                }
                String over = memory.check();
                if (over != null) {
                    throw new TrialFailedException(trial.key(), trial.seed(), over + ", after training episode " + episode,
                            null);
                }
            }
            s.savePolicy(learner);
        } catch (TrialFailedException e) {
            throw e;
        } catch (Exception | LinkageError | AssertionError | StackOverflowError | OutOfMemoryError e) {
            // a plugin's failure, even a missing class or a blown stack, fails its trial, not the study
            throw new TrialFailedException(trial.key(), trial.seed(), s.where + ": " + e, e);
        } finally {
            LIVE.remove(Thread.currentThread(), s);
        }
        checkpoints.clear();
        context.note("memory", memory.describe());
        return new TrialResult(trial, s.evaluations, s.metrics, s.effort(),
                resumedMillis + (System.nanoTime() - start) / 1_000_000, context.notes(), s.rollouts);
    }

    /** The mutable state of one running trial. */
    private final class Session {
        private final Trial trial;
        private final HostRunContext context;
        private final TrialListener listener;
        private final List<EvaluationPoint> evaluations = new ArrayList<>();
        private final List<MetricPoint> metrics = new ArrayList<>();
        private final List<Rollout> rollouts = new ArrayList<>();
        private final EffortCounter counter = new EffortCounter();
        private final LandscapeDrawing landscapes;
        private volatile String where = "creating plugins";
        private volatile int step;

        /** Notes the phase for failure messages, and in the thread's name for the watchdog and thread dumps. */
        private void at(String phase) {
            where = phase;
            step = 0;
            Thread t = Thread.currentThread();
            if (t.getName().startsWith("corrigo-trial ")) {
                t.setName("corrigo-trial " + trial.key() + ": " + phase);
            }
        }

        Session(Trial trial, HostRunContext context, TrialListener listener) {
            this.trial = trial;
            this.context = context;
            this.listener = listener;
            this.landscapes = new LandscapeDrawing(context);
        }

        Effort effort() {
            return counter.effort();
        }

        /** The demonstration phase; its steps count as teacher-executed environment steps. */
        void demonstrate(Environment env, Learner learner, FeedbackSimulator feedback) {
            at("demonstrations");
            boolean degraded = feedback instanceof Demonstrator;
            DemonstrationPhase phase = new DemonstrationPhase(demonstrations, trial.seed(), context::cancelled);
            DemonstrationPhase.Outcome o = phase.run(env, degraded ? ((Demonstrator) feedback).demonstrator() : env.expert(),
                    learner);
            counter.countDemonstrated(o.steps());
            rollouts.addAll(o.rollouts());
            context.note("demonstrations", phase.describe(o, degraded ? "the expert of feedback '" + trial.feedback().label()
                    + "'" : "the scripted teacher of '" + trial.environment().id() + "'", learner instanceof DemonstrationLearner));
            metrics.addAll(context.drainEpisode(0));
        }

        /**
         * Keeps the trained learner's state ({@link Learner#save}) in the trial's work directory, under
         * {@value #POLICY_DIRECTORY}, for {@code corrigo export}; a learner that cannot save is noted, not failed.
         */
        void savePolicy(Learner learner) {
            at("saving the learner's state");
            Path dir = context.workDirectory().resolve(POLICY_DIRECTORY);
            try {
                java.nio.file.Files.createDirectories(dir);
                learner.save(dir);
            } catch (java.io.IOException | RuntimeException e) {
                context.note("policy", "not saved: " + e);
            }
        }

        /**
         * Takes a checkpoint after training episode {@code episode}; one that fails is noted and the
         * trial goes on (it would restart from the previous checkpoint, or from scratch).
         */
        void checkpoint(Checkpoints checkpoints, Environment env, Learner learner, FeedbackSimulator feedback,
                        int episode, long wallMillis) {
            at("checkpoint after training episode " + episode);
            try {
                long start = System.nanoTime();
                Path written = checkpoints.write(new Checkpoints.HostState(Checkpoints.FORMAT, episode, effort(),
                        wallMillis, evaluations, metrics, rollouts, context.notes(), context.generatorStates(),
                        context.accumulated(), landscapes.failed()), learner, feedback, env);
                context.note("host.checkpoint.last", Checkpoints.describe(written, episode, System.nanoTime() - start));
                listener.onCheckpoint(trial, episode, written);
            } catch (java.io.IOException | RuntimeException e) {
                context.note("host.checkpoint.failed", "after training episode " + episode + ": " + e);
            }
        }

        /**
         * Continues from {@code saved}: the plugins' states, the generators, the results so far; false
         * (and noted) when the checkpoint was written by other bundle versions and so is not used.
         */
        boolean resume(Checkpoints.Saved saved, Environment env, Learner learner, FeedbackSimulator feedback)
                throws java.io.IOException {
            Checkpoints.HostState host = saved.host();
            List<String> changed = Checkpoints.changedBundles(host, context.notes());
            if (!changed.isEmpty()) {
                context.note("host.resumed", "from the first episode: the checkpoint after training episode "
                        + host.episode() + " was written by other bundles (" + String.join("; ", changed) + ")");
                return false;
            }
            at("restoring the checkpoint after training episode " + host.episode());
            Checkpoints.restore(saved, learner, feedback, env);
            Checkpoints.restore(host, context);
            evaluations.addAll(host.evaluations());
            metrics.addAll(host.metrics());
            rollouts.addAll(host.rollouts());
            counter.set(host.effort());
            landscapes.setFailed(host.landscapeFailed());
            context.note("host.resumed", "from the checkpoint after training episode " + host.episode());
            return true;
        }

        void trainEpisode(Environment env, Learner learner, FeedbackSimulator feedback, int episode) {
            at("training episode " + episode);
            Observation obs = env.reset(Seeds.derive(trial.seed(), "episode-" + episode));
            learner.startEpisode();
            startRollout(learner);
            feedback.startEpisode();
            RolloutRecorder recorder = episode == 1 || episode % budget.evalEvery() == 0
                    ? new RolloutRecorder("training", episode) : null;
            for (int t = 1; t <= env.maxSteps(); t++) {
                step = t;
                if (recorder != null) {
                    recorder.before(env, t);
                }
                Action proposed = checked(act(learner, obs, t), env, "learner '" + trial.learner().id() + "' proposed");
                Action asked = trial.feedback().teacherQuery() == TeacherQuery.EXECUTED
                        ? feedback.carried().orElse(proposed) : proposed;
                Action expert = checked(env.expert().act(obs, asked), env, "the expert of '" + trial.environment().id() + "'");
                Response r = feedback.respond(new Query(obs, proposed, expert, t));
                Action executed = checked(r.executed(), env, "feedback '" + trial.feedback().id() + "' executed");
                StepResult step = env.step(executed);
                if (recorder != null) {
                    recorder.after(proposed, expert, r, executed, step);
                }
                counter.count(r);
                boolean last = step.done() || t == env.maxSteps();
                learner.observe(new Transition(obs, proposed, r.feedback(), executed, r.executedBy(), step.observation(),
                        step.reward(), step.terminated(), step.truncated() || (last && !step.terminated()), step.info(), t));
                if (last) {
                    break;
                }
                obs = step.observation();
            }
            if (recorder != null) {
                record(recorder.finish(env));
            }
            learner.endEpisode();
            List<MetricPoint> drained = context.drainEpisode(episode);
            metrics.addAll(drained);
            listener.onMetrics(trial, drained);
        }

        /** Keeps a recorded rollout for the result and shows it live. */
        private void record(Rollout rollout) {
            rollouts.add(rollout);
            listener.onRollout(trial, rollout);
        }

        void evaluate(Environment env, Learner learner, int episode) {
            at("evaluation after episode " + episode);
            int successes = 0;
            double returns = 0;
            double progress = 0;
            Map<String, Integer> modes = new TreeMap<>();
            for (int j = 0; j < budget.evalEpisodes(); j++) {
                Observation obs = env.reset(EVALUATION_SEED_BASE + j);
                startRollout(learner);
                boolean success = false;
                double lastProgress = 0;
                RolloutRecorder recorder = j < budget.recordEvaluations() ? new RolloutRecorder("evaluation", episode) : null;
                for (int t = 1; t <= env.maxSteps(); t++) {
                    step = t;
                    if (recorder != null) {
                        recorder.before(env, t);
                    }
                    if (recorder != null && LandscapeDrawing.due(t, env.maxSteps()) && learner instanceof LandscapeSource source) {
                        landscapes.draw(source, obs, env).ifPresent(l -> recorder.landscape(l, env.actionSpace()));
                    }
                    Action action = checked(act(learner, obs, t), env, "learner '" + trial.learner().id() + "' proposed");
                    StepResult step = env.step(action);
                    if (recorder != null) {
                        recorder.after(action, null, null, action, step);
                    }
                    returns += step.reward();
                    success |= step.info().success();
                    lastProgress = step.info().progress();
                    if (step.done() || t == env.maxSteps()) {
                        EvaluationPoint.countMode(modes, step.info());
                        break;
                    }
                    obs = step.observation();
                }
                if (recorder != null) {
                    record(recorder.finish(env));
                }
                successes += success ? 1 : 0;
                progress += lastProgress;
            }
            drawPerState(env, learner, episode);
            int n = budget.evalEpisodes();
            EvaluationPoint point = new EvaluationPoint(episode, n, successes, returns / n, progress / n, effort(), modes);
            evaluations.add(point);
            listener.onEvaluation(trial, point);
        }

        /** {@code budget.drawsPerState} independent draws of the policy at every listed state, as two metrics. */
        private void drawPerState(Environment env, Learner learner, int episode) {
            if (budget.drawsPerState() == 0) {
                return;
            }
            if (!(env instanceof DesiredActionStates task)) {
                context.note("host.drawsPerState", "not evaluated: environment '" + trial.environment().id()
                        + "' does not list its states and desired actions");
                return;
            }
            List<MetricPoint> drawn = StateDraws.evaluate(task, budget.drawsPerState(), episode, o -> {
                startRollout(learner);
                return checked(act(learner, o, 1), env, "learner '" + trial.learner().id() + "' proposed");
            });
            metrics.addAll(drawn);
            listener.onMetrics(trial, drawn);
        }

        private static void startRollout(Learner learner) {
            if (learner instanceof RolloutAware aware) {
                aware.startRollout();
            }
        }

        /** The learner's action; an exception (a non-finite action among them) names the learner and the step. */
        private Action act(Learner learner, Observation obs, int step) {
            try {
                return learner.act(obs);
            } catch (RuntimeException e) {
                throw new IllegalStateException("learner '" + trial.learner().id() + "' failed in act() at step " + step
                        + ": " + e, e);
            }
        }

        private Action checked(Action a, Environment env, String who) {
            if (a == null || a.size() != env.actionSpace().dimension()) {
                throw new IllegalStateException(who + " an action of size " + (a == null ? "null" : a.size())
                        + " but the action space of '" + trial.environment().id() + "' has " + env.actionSpace().dimension());
            }
            return a;
        }
    }
}
