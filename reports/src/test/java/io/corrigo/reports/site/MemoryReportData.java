package io.corrigo.reports.site;

import io.corrigo.reports.data.EvaluationRow;
import io.corrigo.reports.data.MetricRow;
import io.corrigo.reports.data.PluginRow;
import io.corrigo.reports.data.ReportData;
import io.corrigo.reports.data.RolloutInfo;
import io.corrigo.reports.data.StudyDetail;
import io.corrigo.reports.data.StudyRow;
import io.corrigo.reports.data.TrialRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A small, thread-safe, mutable {@link ReportData} held in memory, as a running host would present it. */
final class MemoryReportData implements ReportData {

    private final Map<Long, StudyDetail> studies = new LinkedHashMap<>();
    private final Map<Long, TrialRow> trials = new LinkedHashMap<>();
    private final List<EvaluationRow> evaluations = new ArrayList<>();
    private final List<MetricRow> metrics = new ArrayList<>();
    private final List<RolloutInfo> rollouts = new ArrayList<>();
    private final Map<Long, String> frames = new HashMap<>();
    private final List<PluginRow> plugins = new ArrayList<>();

    synchronized void putStudy(StudyDetail detail) {
        studies.put(detail.study().id(), detail);
    }

    synchronized void updateStudy(long id, UnaryOperator<StudyRow> change) {
        StudyDetail d = studies.get(id);
        studies.put(id, new StudyDetail(change.apply(d.study()), d.source(), d.specYaml(), d.manifestJson(),
                d.environments(), d.feedback(), d.learners(), d.seeds(), d.episodes()));
    }

    synchronized void putTrial(TrialRow trial) {
        trials.put(trial.id(), trial);
    }

    synchronized void updateTrial(long id, UnaryOperator<TrialRow> change) {
        trials.put(id, change.apply(trials.get(id)));
    }

    synchronized void addEvaluation(EvaluationRow row) {
        evaluations.add(row);
    }

    /** Marks a trial's evaluation points as committed (no longer provisional). */
    synchronized void commit(long trialId) {
        evaluations.replaceAll(e -> e.trialId() != trialId ? e : new EvaluationRow(e.trialId(), e.episode(), e.episodes(),
                e.successes(), e.meanReturn(), e.meanProgress(), e.envSteps(), e.feedbackEvents(), e.teacherSteps(), false));
    }

    synchronized void addMetric(MetricRow row) {
        metrics.add(row);
    }

    synchronized void addRollout(RolloutInfo info, String framesJson) {
        rollouts.add(info);
        frames.put(info.id(), framesJson);
    }

    synchronized void addPlugin(PluginRow row) {
        plugins.add(row);
    }

    @Override
    public synchronized List<StudyRow> studies() {
        List<StudyRow> rows = new ArrayList<>(studies.values().stream().map(StudyDetail::study).toList());
        rows.sort(Comparator.comparingLong(StudyRow::id).reversed());
        return rows;
    }

    @Override
    public synchronized Optional<StudyDetail> study(long studyId) {
        return Optional.ofNullable(studies.get(studyId));
    }

    @Override
    public synchronized List<TrialRow> trials(long studyId) {
        return trials.values().stream().filter(t -> t.studyId() == studyId).toList();
    }

    @Override
    public synchronized Optional<TrialRow> trial(long trialId) {
        return Optional.ofNullable(trials.get(trialId));
    }

    @Override
    public synchronized List<EvaluationRow> evaluations(long studyId) {
        return evaluations.stream().filter(e -> trials.containsKey(e.trialId()) && trials.get(e.trialId()).studyId() == studyId)
                .sorted(Comparator.comparingLong(EvaluationRow::trialId).thenComparingInt(EvaluationRow::episode)).toList();
    }

    @Override
    public synchronized List<MetricRow> metrics(long trialId) {
        return metrics.stream().filter(m -> m.trialId() == trialId).toList();
    }

    @Override
    public synchronized List<RolloutInfo> rollouts(long trialId) {
        return rollouts.stream().filter(r -> r.trialId() == trialId).toList();
    }

    @Override
    public synchronized Optional<String> rolloutFrames(long rolloutId) {
        return Optional.ofNullable(frames.get(rolloutId));
    }

    @Override
    public synchronized List<PluginRow> plugins() {
        return List.copyOf(plugins);
    }
}
