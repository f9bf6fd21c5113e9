package io.corrigo.reports.site;

import io.corrigo.reports.data.EvaluationRow;
import io.corrigo.reports.data.ReportData;
import io.corrigo.reports.data.StudyDetail;
import io.corrigo.reports.data.TrialRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One consistent read of a study: its detail, trials and evaluation points, grouped for the views.
 * Columns (tasks) are environment × feedback condition, environments outermost, in study order.
 */
final class StudySnapshot {

    /** A column of the matrix: one feedback condition in one environment (a "task" for the aggregates). */
    record Column(String environment, String feedback) {
    }

    private final StudyDetail detail;
    private final List<TrialRow> trials;
    private final Map<Long, List<EvaluationRow>> evaluations = new HashMap<>();
    private final int fingerprint;

    private StudySnapshot(StudyDetail detail, List<TrialRow> trials, List<EvaluationRow> rows) {
        this.detail = detail;
        this.trials = List.copyOf(trials);
        rows.forEach(r -> evaluations.computeIfAbsent(r.trialId(), k -> new ArrayList<>()).add(r));
        evaluations.values().forEach(list -> list.sort(Comparator.comparingInt(EvaluationRow::episode)));
        this.fingerprint = 31 * (31 * detail.study().state().hashCode() + trials.hashCode()) + rows.hashCode();
    }

    static Optional<StudySnapshot> read(ReportData data, long studyId) {
        return data.study(studyId).map(d -> new StudySnapshot(d, data.trials(studyId), data.evaluations(studyId)));
    }

    StudyDetail detail() {
        return detail;
    }

    long id() {
        return detail.study().id();
    }

    List<TrialRow> trials() {
        return trials;
    }

    /** Evaluation points of a trial in episode order. */
    List<EvaluationRow> evaluations(long trialId) {
        return evaluations.getOrDefault(trialId, List.of());
    }

    /** True while the study is running: intervals use fewer resamples and values are provisional. */
    boolean running() {
        return "running".equals(detail.study().state());
    }

    /** Changes whenever a trial or an evaluation point changes; keys cached computations. */
    int fingerprint() {
        return fingerprint;
    }

    List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        for (String environment : detail.environments()) {
            for (String feedback : detail.feedback()) {
                columns.add(new Column(environment, feedback));
            }
        }
        return columns;
    }

    /** The trials of one cell (one per seed), in plan order. */
    List<TrialRow> cell(Column column, String learner) {
        return trials.stream().filter(t -> t.environment().equals(column.environment())
                && t.feedback().equals(column.feedback()) && t.learner().equals(learner)).toList();
    }

    /** Scores of a cell's trials that have any (finished, or running with evaluation points). */
    List<TrialScore> scores(Column column, String learner) {
        List<TrialScore> scores = new ArrayList<>();
        for (TrialRow t : cell(column, learner)) {
            TrialScore.of(t, evaluations(t.id())).ifPresent(scores::add);
        }
        return scores;
    }
}
