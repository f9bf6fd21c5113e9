package io.corrigo.core.internal.cli;

import io.corrigo.api.run.ComputeDevice;
import io.corrigo.core.internal.plugin.PluginCatalog;
import io.corrigo.core.internal.report.LiveHub;
import io.corrigo.core.internal.run.LocalScheduler;
import io.corrigo.core.internal.run.Planner;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.run.TrialFailedException;
import io.corrigo.core.internal.run.TrialListener;
import io.corrigo.core.internal.run.TrialResult;
import io.corrigo.core.internal.run.TrialRunner;
import io.corrigo.core.internal.run.TrialSink;
import io.corrigo.core.internal.spec.StudySpec;
import io.corrigo.core.internal.store.Store;
import io.corrigo.core.internal.store.StoredStudy;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final Manifests manifests;
    private final HostPaths paths;

    @Inject
    StudyExecution(Manifests manifests, HostPaths paths) {
        this.manifests = manifests;
        this.paths = paths;
    }

    Result run(StudySpec spec, String specText, ComputeDevice device, PluginCatalog catalog, Store store, int workers,
               TrialListener progress, LiveHub live, LongConsumer onCreated, AtomicBoolean cancelled) {
        List<Trial> trials = Planner.plan(spec);
        int pool = Math.max(1, Math.min(workers, trials.size()));
        String manifest = manifests.build(spec, device, catalog, pool);
        long id = store.createStudy(spec.name(), spec.source(), device.toString(), specText, manifest, trials);
        Map<String, Long> trialIds = new HashMap<>();
        store.trials(id).forEach(t -> trialIds.put(t.key(), t.id()));
        TrialListener listener = TrialListeners.both(progress, live.listenerFor(id, trialIds));
        onCreated.accept(id);
        TrialRunner runner = new TrialRunner(catalog, spec.budget(), spec.demonstrations(), device,
                paths.runs().resolve("artifacts").resolve(spec.name() + "-" + id));
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
            outcome = new LocalScheduler(pool, LocalScheduler.timeLimits(spec.budget()), LocalScheduler.STOP_GRACE)
                    .run(trials, runner, sink, listener, cancelled);
        } catch (RuntimeException e) {
            store.finishStudy(id, "crashed");
            live.studyFinished(id, "crashed");
            throw e;
        }
        String state = cancelled.get() ? "cancelled" : outcome.failed() > 0 ? "failed" : "finished";
        store.finishStudy(id, state);
        live.studyFinished(id, state);
        return new Result(store.latest(spec.name()).orElseThrow(), outcome);
    }
}
