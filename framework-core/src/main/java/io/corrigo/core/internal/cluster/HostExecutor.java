package io.corrigo.core.internal.cluster;

import io.corrigo.api.run.ComputeDevice;
import io.corrigo.core.internal.djl.DjlRuntime;
import io.corrigo.core.internal.plugin.PluginCatalog;
import io.corrigo.core.internal.run.Checkpoints;
import io.corrigo.core.internal.run.LocalScheduler;
import io.corrigo.core.internal.run.Planner;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.run.TrialFailedException;
import io.corrigo.core.internal.run.TrialListener;
import io.corrigo.core.internal.run.TrialRunner;
import io.corrigo.core.internal.run.TrialSink;
import io.corrigo.core.internal.spec.StudyLoader;
import io.corrigo.core.internal.spec.StudySpec;
import io.corrigo.core.internal.spec.StudySpecException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs assigned trials with this process's plugins: reads the study text the coordinator sent,
 * plans it, and runs the named trial as a local run would — with its time limit and watchdog —
 * keeping its work directory (the saved policy) under {@code workRoot}.
 */
public final class HostExecutor implements ClusterWorker.Executor {

    private final StudyLoader loader;
    private final PluginCatalog catalog;
    private final Path workRoot;
    private final Map<String, StudySpec> studies = new ConcurrentHashMap<>();

    public HostExecutor(StudyLoader loader, PluginCatalog catalog, Path workRoot) {
        this.loader = loader;
        this.catalog = catalog;
        this.workRoot = workRoot;
    }

    @Override
    public void execute(ClusterWorker.Assignment a, TrialSink sink, TrialListener listener, AtomicBoolean cancelled) {
        StudySpec spec;
        try {
            spec = studies.computeIfAbsent(a.runId() + "\n" + a.text() + "\n" + a.overrides(),
                    k -> loader.loadText(a.source(), a.text(), a.overrides()));
        } catch (StudySpecException e) {
            fail(sink, a, -1, "this worker cannot read the study with its plugins: " + e.getMessage());
            return;
        }
        Optional<Trial> trial = Planner.plan(spec).stream().filter(t -> t.key().equals(a.key())).findFirst();
        if (trial.isEmpty()) {
            fail(sink, a, -1, "this worker's plugins plan no trial " + a.key() + " for this study");
            return;
        }
        Optional<ComputeDevice> device = DjlRuntime.resolve(a.device());
        if (device.isEmpty()) {
            fail(sink, a, trial.get().seed(), "this worker cannot run on device '" + a.device() + "': "
                    + DjlRuntime.gpuUnavailableHint());
            return;
        }
        try {
            placeCheckpoint(a);
        } catch (IOException | RuntimeException e) {
            fail(sink, a, trial.get().seed(), "this worker cannot unpack the trial's checkpoint: " + e);
            return;
        }
        TrialRunner runner = new TrialRunner(catalog, spec.budget(), spec.demonstrations(), device.get(), runRoot(a));
        new LocalScheduler(1, LocalScheduler.timeLimits(spec.budget()), LocalScheduler.STOP_GRACE)
                .run(List.of(trial.get()), runner, sink, listener, cancelled);
    }

    @Override
    public Optional<Path> policy(ClusterWorker.Assignment a) {
        return Optional.of(TrialRunner.workDirectory(runRoot(a), a.key()).resolve(TrialRunner.POLICY_DIRECTORY));
    }

    /**
     * The coordinator's checkpoint of the trial, if it sent one, becomes the trial's only checkpoint
     * here (one left from an earlier attempt on this machine is dropped): the runner continues from it.
     */
    private void placeCheckpoint(ClusterWorker.Assignment a) throws IOException {
        Path work = TrialRunner.workDirectory(runRoot(a), a.key());
        Checkpoints.clear(work);
        if (!a.checkpoint().isEmpty()) {
            byte[] zipped = Base64.getDecoder().decode(a.checkpoint());
            Checkpoints.install(work, dir -> Wire.unzip(zipped, dir));
        }
    }

    private Path runRoot(ClusterWorker.Assignment a) {
        return workRoot.resolve(a.name() + "-" + a.runId());
    }

    private static void fail(TrialSink sink, ClusterWorker.Assignment a, long seed, String why) {
        sink.failed(null, new TrialFailedException(a.key(), seed, why, null), 0);
    }
}
