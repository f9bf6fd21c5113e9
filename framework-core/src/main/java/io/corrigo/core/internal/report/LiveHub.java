package io.corrigo.core.internal.report;

import io.corrigo.core.internal.run.EvaluationPoint;
import io.corrigo.core.internal.run.MetricPoint;
import io.corrigo.core.internal.run.Rollout;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.run.TrialFailedException;
import io.corrigo.core.internal.run.TrialListener;
import io.corrigo.core.internal.run.TrialResult;
import io.corrigo.reports.data.EvaluationRow;
import io.corrigo.reports.data.LiveEvent;
import io.corrigo.reports.data.LiveFeed;
import io.corrigo.reports.data.MetricRow;
import io.corrigo.reports.data.RolloutInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The live state of running trials (episodes done, evaluation points not yet committed) and the
 * event stream the report site subscribes to. Publishing never blocks on a listener.
 */
public final class LiveHub implements LiveFeed {

    private record Running(long studyId, int episodes, List<EvaluationRow> points, List<MetricRow> metrics,
                           List<LiveRollout> rollouts) {
        Running(long studyId) {
            this(studyId, 0, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        Running withEpisodes(int done) {
            return new Running(studyId, done, points, metrics, rollouts);
        }
    }

    /** A rollout of a running trial, kept until the trial ends; its id is negative (stored ones are positive). */
    private record LiveRollout(RolloutInfo info, String frames) {
    }

    private final java.util.concurrent.atomic.AtomicLong liveRolloutIds = new java.util.concurrent.atomic.AtomicLong();

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

    /** The diagnostics a running trial reported so far (empty when it is not running). */
    public List<MetricRow> metrics(long trialId) {
        Running r = running.get(trialId);
        if (r == null) {
            return List.of();
        }
        synchronized (r.metrics()) {
            return List.copyOf(r.metrics());
        }
    }

    /** The rollouts a running trial recorded so far (empty when it is not running). */
    public List<RolloutInfo> rollouts(long trialId) {
        Running r = running.get(trialId);
        if (r == null) {
            return List.of();
        }
        synchronized (r.rollouts()) {
            return r.rollouts().stream().map(LiveRollout::info).toList();
        }
    }

    /** The frames of a running trial's rollout {@code rolloutId} (negative), while the trial runs. */
    public Optional<String> rolloutFrames(long rolloutId) {
        for (Running r : running.values()) {
            synchronized (r.rollouts()) {
                for (LiveRollout l : r.rollouts()) {
                    if (l.info().id() == rolloutId) {
                        return Optional.of(l.frames());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A trial listener for one study run whose trial keys map to store ids. */
    public TrialListener listenerFor(long studyId, Map<String, Long> trialIds) {
        return new TrialListener() {
            @Override
            public void onStart(Trial trial) {
                long id = trialIds.get(trial.key());
                running.put(id, new Running(studyId));
                publish(new LiveEvent("trial-started", studyId, "{\"trialId\":" + id + "}"));
            }

            @Override
            public void onEpisode(Trial trial, int episode, int episodes) {
                long id = trialIds.get(trial.key());
                running.computeIfPresent(id, (k, r) -> r.withEpisodes(episode));
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
            public void onMetrics(Trial trial, List<MetricPoint> points) {
                Running r = running.get(trialIds.get(trial.key()));
                if (r != null) {
                    synchronized (r.metrics()) {
                        points.forEach(p -> r.metrics().add(new MetricRow(trialIds.get(trial.key()), p.episode(), p.name(),
                                p.value(), p.unit())));
                    }
                }
            }

            @Override
            public void onRollout(Trial trial, Rollout rollout) {
                long id = trialIds.get(trial.key());
                Running r = running.get(id);
                if (r != null) {
                    synchronized (r.rollouts()) {
                        r.rollouts().add(new LiveRollout(new RolloutInfo(-liveRolloutIds.incrementAndGet(), id, rollout.kind(),
                                rollout.episode(), rollout.steps(), rollout.success()), rollout.framesJson()));
                    }
                }
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
