package io.corrigo.core.internal.report;

import io.corrigo.core.internal.run.EvaluationPoint;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.run.TrialFailedException;
import io.corrigo.core.internal.run.TrialListener;
import io.corrigo.core.internal.run.TrialResult;
import io.corrigo.reports.data.EvaluationRow;
import io.corrigo.reports.data.LiveEvent;
import io.corrigo.reports.data.LiveFeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The live state of running trials (episodes done, evaluation points not yet committed) and the
 * event stream the report site subscribes to. Publishing never blocks on a listener.
 */
public final class LiveHub implements LiveFeed {

    private record Running(long studyId, int episodes, List<EvaluationRow> points) {
    }

    private final List<Consumer<LiveEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, Running> running = new ConcurrentHashMap<>();

    @Override
    public AutoCloseable subscribe(Consumer<LiveEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Sends an event to every listener; a failing listener is logged and skipped. */
    public void publish(LiveEvent event) {
        for (Consumer<LiveEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(LiveHub.class).debug("a live listener failed: {}", e.toString());
            }
        }
    }

    /** Training episodes completed by a running trial; empty (0) when not running. */
    public int episodesDone(long trialId) {
        Running r = running.get(trialId);
        return r == null ? 0 : r.episodes();
    }

    /** Provisional evaluation points of the running trials of a study. */
    public List<EvaluationRow> provisional(long studyId) {
        List<EvaluationRow> rows = new ArrayList<>();
        running.values().stream().filter(r -> r.studyId() == studyId).forEach(r -> {
            synchronized (r.points()) {
                rows.addAll(r.points());
            }
        });
        return rows;
    }

    /** A trial listener for one study run whose trial keys map to store ids. */
    public TrialListener listenerFor(long studyId, Map<String, Long> trialIds) {
        return new TrialListener() {
            @Override
            public void onStart(Trial trial) {
                long id = trialIds.get(trial.key());
                running.put(id, new Running(studyId, 0, new ArrayList<>()));
                publish(new LiveEvent("trial-started", studyId, "{\"trialId\":" + id + "}"));
            }

            @Override
            public void onEpisode(Trial trial, int episode, int episodes) {
                long id = trialIds.get(trial.key());
                running.computeIfPresent(id, (k, r) -> new Running(r.studyId(), episode, r.points()));
                publish(new LiveEvent("episode", studyId,
                        "{\"trialId\":" + id + ",\"episode\":" + episode + ",\"episodes\":" + episodes + "}"));
            }

            @Override
            public void onEvaluation(Trial trial, EvaluationPoint p) {
                long id = trialIds.get(trial.key());
                EvaluationRow row = new EvaluationRow(id, p.episode(), p.episodes(), p.successes(), p.meanReturn(),
                        p.meanProgress(), p.effort().envSteps(), p.effort().feedbackEvents(), p.effort().teacherSteps(), true);
                Running r = running.get(id);
                if (r != null) {
                    synchronized (r.points()) {
                        r.points().add(row);
                    }
                }
                publish(new LiveEvent("evaluation", studyId, "{\"trialId\":" + id + ",\"episode\":" + p.episode()
                        + ",\"episodes\":" + p.episodes() + ",\"successes\":" + p.successes()
                        + ",\"feedbackEvents\":" + p.effort().feedbackEvents() + ",\"teacherSteps\":" + p.effort().teacherSteps() + "}"));
            }

            @Override
            public void onFinish(TrialResult result) {
                long id = trialIds.get(result.trial().key());
                running.remove(id);
                publish(new LiveEvent("trial-finished", studyId, "{\"trialId\":" + id + "}"));
            }

            @Override
            public void onFailure(Trial trial, TrialFailedException failure) {
                long id = trialIds.get(trial.key());
                running.remove(id);
                publish(new LiveEvent("trial-failed", studyId, "{\"trialId\":" + id + "}"));
            }
        };
    }

    /** Announces that a study run ended. */
    public void studyFinished(long studyId, String state) {
        publish(new LiveEvent("study-finished", studyId, "{\"state\":\"" + state + "\"}"));
    }
}
