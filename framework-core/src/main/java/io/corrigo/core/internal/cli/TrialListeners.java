package io.corrigo.core.internal.cli;

import io.corrigo.core.internal.run.EvaluationPoint;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.run.TrialFailedException;
import io.corrigo.core.internal.run.TrialListener;
import io.corrigo.core.internal.run.TrialResult;

/** Composes trial listeners. */
final class TrialListeners {

    private TrialListeners() {
    }

    /** A listener that tells {@code a}, then {@code b}. */
    static TrialListener both(TrialListener a, TrialListener b) {
        return new TrialListener() {
            @Override
            public void onStart(Trial trial) {
                a.onStart(trial);
                b.onStart(trial);
            }

            @Override
            public void onEpisode(Trial trial, int episode, int episodes) {
                a.onEpisode(trial, episode, episodes);
                b.onEpisode(trial, episode, episodes);
            }

            @Override
            public void onEvaluation(Trial trial, EvaluationPoint point) {
                a.onEvaluation(trial, point);
                b.onEvaluation(trial, point);
            }

            @Override
            public void onMetrics(Trial trial, java.util.List<io.corrigo.core.internal.run.MetricPoint> points) {
                a.onMetrics(trial, points);
                b.onMetrics(trial, points);
            }

            @Override
            public void onRollout(Trial trial, io.corrigo.core.internal.run.Rollout rollout) {
                a.onRollout(trial, rollout);
                b.onRollout(trial, rollout);
            }

            @Override
            public void onCheckpoint(Trial trial, int episode, java.nio.file.Path directory) {
                a.onCheckpoint(trial, episode, directory);
                b.onCheckpoint(trial, episode, directory);
            }

            @Override
            public void onFinish(TrialResult result) {
                a.onFinish(result);
                b.onFinish(result);
            }

            @Override
            public void onFailure(Trial trial, TrialFailedException failure) {
                a.onFailure(trial, failure);
                b.onFailure(trial, failure);
            }
        };
    }
}
