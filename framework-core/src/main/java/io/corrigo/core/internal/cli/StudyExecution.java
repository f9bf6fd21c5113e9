package io.corrigo.core.internal.cli;

import io.corrigo.api.run.ComputeDevice;
import io.corrigo.core.internal.plugin.PluginCatalog;
import io.corrigo.core.internal.report.LiveHub;
import io.corrigo.core.internal.run.LocalScheduler;
import io.corrigo.core.internal.run.Planner;
import io.corrigo.core.internal.run.Scheduler;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.run.TrialFailedException;
import io.corrigo.core.internal.run.TrialListener;
import io.corrigo.core.internal.run.TrialResult;
import io.corrigo.core.internal.run.TrialRunner;
import io.corrigo.core.internal.run.TrialSink;
import io.corrigo.core.internal.spec.StudySpec;
import io.corrigo.core.internal.store.Store;
import io.corrigo.core.internal.store.StoredStudy;
import io.corrigo.core.internal.store.StoredTrial;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * Runs a validated study: plans trials, records the run and its manifest in the store, schedules
 * trials on local workers, commits each as it finishes, and closes the run with its final state.
 */
final class StudyExecution {

    /** The stored run and how its trials ended. */
    record Result(StoredStudy study, LocalScheduler.Outcome outcome) {
    }

    /** Where a run's trials go: threads of this JVM, or a cluster's workers. */
    @FunctionalInterface
    interface Schedulers {
        /** The scheduler for run {@code runId} of {@code spec} with {@code pool} local workers. */
        Scheduler create(StudySpec spec, int pool, long runId);
    }

    /** Trials on {@code pool} threads of this JVM, each with its time limit. */
    static final Schedulers LOCAL = (spec, pool, runId) -> new LocalScheduler(pool,
            LocalScheduler.timeLimits(spec.budget()), LocalScheduler.STOP_GRACE);

    private final Manifests manifests;
    private final HostPaths paths;

    @Inject
    StudyExecution(Manifests manifests, HostPaths paths) {
        this.manifests = manifests;
        this.paths = paths;
    }

    Result run(StudySpec spec, String specText, ComputeDevice device, PluginCatalog catalog, Store store, int workers,
               TrialListener progress, LiveHub live, LongConsumer onCreated, AtomicBoolean cancelled, Schedulers schedulers) {
        List<Trial> trials = Planner.plan(spec);
        int pool = Math.max(1, Math.min(workers, trials.size()));
        String manifest = manifests.build(spec, device, catalog, pool);
        long id = store.createStudy(spec.name(), spec.source(), device.toString(), specText, manifest, trials);
        return execute(id, spec, trials, device, catalog, store, pool, progress, live, onCreated, cancelled, schedulers);
    }

    /**
     * The trials of stored run {@code stored} that a resume runs again: those cancelled (never
     * started, or stopped midway), in plan order. Done and failed trials are kept as they are.
     *
     * @throws UserInputException if the run cannot be resumed, or if {@code spec} (its stored text
     *         read with the plugins installed now) plans other trials than the run recorded
     */
    /** Where run {@code id} of study {@code name} keeps its trials' work directories (saved policies among them). */
    static Path artifacts(HostPaths paths, String name, long id) {
        return paths.runs().resolve("artifacts").resolve(name + "-" + id);
    }

    static List<Trial> remaining(Store store, StoredStudy stored, StudySpec spec) {
        if ("running".equals(stored.state())) {
            throw new UserInputException("run #" + stored.id() + " of '" + stored.name() + "' is still running in another"
                    + " process; wait for it, or stop it (Ctrl-C) and resume it then");
        }
        if (!Store.RESUMABLE.contains(stored.state())) {
            throw new UserInputException("run #" + stored.id() + " of '" + stored.name() + "' is " + stored.state()
                    + ", so there is nothing to resume (only " + String.join(", ", Store.RESUMABLE) + " runs continue)."
                    + " Start a new run with ./corrigo run " + Shell.quote(stored.source()));
        }
        Map<String, Trial> planned = new LinkedHashMap<>();
        Planner.plan(spec).forEach(t -> planned.put(t.key(), t));
        List<StoredTrial> recorded = store.trials(stored.id());
        Set<String> recordedKeys = new LinkedHashSet<>();
        recorded.forEach(t -> recordedKeys.add(t.key()));
        if (!recordedKeys.equals(planned.keySet())) {
            Set<String> missing = new LinkedHashSet<>(recordedKeys);
            missing.removeAll(planned.keySet());
            throw new UserInputException("run #" + stored.id() + " of '" + stored.name() + "' cannot be resumed: its study,"
                    + " read with the plugins installed now, plans other trials than the run recorded (" + recordedKeys.size()
                    + " recorded, " + planned.size() + " planned" + (missing.isEmpty() ? "" : "; no longer planned: "
                    + String.join(", ", missing.stream().limit(3).toList())) + "). Start a new run instead.");
        }
        return recorded.stream().filter(t -> "cancelled".equals(t.state())).map(t -> planned.get(t.key())).toList();
    }

    /** Continues stored run {@code stored}: reopens it and runs {@code trials} (see {@link #remaining}). */
    Result resume(StoredStudy stored, StudySpec spec, List<Trial> trials, ComputeDevice device, PluginCatalog catalog,
                  Store store, int workers, TrialListener progress, LiveHub live, LongConsumer onCreated,
                  AtomicBoolean cancelled, Schedulers schedulers) {
        if (!store.reopenStudy(stored.id())) {
            throw new UserInputException("run #" + stored.id() + " of '" + stored.name() + "' is no longer resumable"
                    + " (another process continued or ended it)");
        }
        int pool = Math.max(1, Math.min(workers, trials.size()));
        return execute(stored.id(), spec, trials, device, catalog, store, pool, progress, live, onCreated, cancelled,
                schedulers);
    }

    private Result execute(long id, StudySpec spec, List<Trial> trials, ComputeDevice device, PluginCatalog catalog,
                           Store store, int pool, TrialListener progress, LiveHub live, LongConsumer onCreated,
                           AtomicBoolean cancelled, Schedulers schedulers) {
        Map<String, Long> trialIds = new HashMap<>();
        store.trials(id).forEach(t -> trialIds.put(t.key(), t.id()));
        TrialListener listener = TrialListeners.both(progress, live.listenerFor(id, trialIds));
        onCreated.accept(id);
        TrialRunner runner = new TrialRunner(catalog, spec.budget(), spec.demonstrations(), device,
                artifacts(paths, spec.name(), id));
        TrialSink sink = new TrialSink() {
            @Override
            public void started(Trial trial) {
                store.markRunning(id, trial);
            }

            @Override
            public void finished(TrialResult result) {
                store.commitTrial(id, result);
            }

            @Override
            public void failed(Trial trial, TrialFailedException failure, long wallMillis) {
                store.failTrial(id, trial, failure.describe(), wallMillis);
            }
        };
        LocalScheduler.Outcome outcome;
        try {
            outcome = schedulers.create(spec, pool, id).run(trials, runner, sink, listener, cancelled);
        } catch (RuntimeException e) {
            store.finishStudy(id, "crashed");
            live.studyFinished(id, "crashed");
            throw e;
        }
        boolean anyFailed = store.trials(id).stream().anyMatch(t -> "failed".equals(t.state()));
        String state = cancelled.get() ? "cancelled" : anyFailed ? "failed" : "finished";
        store.finishStudy(id, state);
        live.studyFinished(id, state);
        StoredStudy stored = store.studies().stream().filter(st -> st.id() == id).findFirst().orElseThrow();
        return new Result(stored, new LocalScheduler.Outcome(outcome.finished(),
                anyFailed ? Math.max(1, outcome.failed()) : outcome.failed(), outcome.cancelled()));
    }
}
