package io.corrigo.core.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.corrigo.core.internal.store.StoreQueries;
import io.corrigo.reports.data.EvaluationRow;
import io.corrigo.reports.data.MetricRow;
import io.corrigo.reports.data.PluginRow;
import io.corrigo.reports.data.ReportData;
import io.corrigo.reports.data.RolloutInfo;
import io.corrigo.reports.data.StudyDetail;
import io.corrigo.reports.data.StudyRow;
import io.corrigo.reports.data.TrialRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The report site's view: committed results from the store, merged with the live state of running trials. */
public final class HostReportData implements ReportData {

    private final StoreQueries queries;
    private final LiveHub live;
    private final Supplier<List<PluginRow>> plugins;
    private final ObjectMapper mapper = new ObjectMapper();

    public HostReportData(StoreQueries queries, LiveHub live, Supplier<List<PluginRow>> plugins) {
        this.queries = queries;
        this.live = live;
        this.plugins = plugins;
    }

    @Override
    public List<StudyRow> studies() {
        return queries.studies();
    }

    @Override
    public Optional<StudyDetail> study(long studyId) {
        return queries.study(studyId).flatMap(row -> queries.studyText(studyId).map(text -> {
            List<TrialRow> trials = queries.trials(studyId);
            Set<String> envs = new LinkedHashSet<>();
            Set<String> feedback = new LinkedHashSet<>();
            Set<String> learners = new LinkedHashSet<>();
            Set<Long> seeds = new LinkedHashSet<>();
            trials.forEach(t -> {
                envs.add(t.environment());
                feedback.add(t.feedback());
                learners.add(t.learner());
                seeds.add(t.seed());
            });
            return new StudyDetail(row, text.source(), text.specYaml(), text.manifestJson(), List.copyOf(envs),
                    List.copyOf(feedback), List.copyOf(learners), List.copyOf(seeds), episodes(text.manifestJson()));
        }));
    }

    @Override
    public List<TrialRow> trials(long studyId) {
        int episodes = study(studyId).map(StudyDetail::episodes).orElse(0);
        Map<Long, EvaluationRow> latest = latestProvisional(studyId);
        return queries.trials(studyId).stream().map(t -> live(t, episodes, latest.get(t.id()))).toList();
    }

    @Override
    public Optional<TrialRow> trial(long trialId) {
        return queries.trial(trialId).map(t -> live(t, study(t.studyId()).map(StudyDetail::episodes).orElse(0),
                latestProvisional(t.studyId()).get(t.id())));
    }

    /**
     * A stored trial row with what the running process knows beyond the store: episodes done, and for
     * a running trial its human effort so far (its latest evaluation's counters, as its own page shows).
     */
    private TrialRow live(TrialRow t, int budget, EvaluationRow latest) {
        boolean running = "running".equals(t.state());
        int done = switch (t.state()) {
            case "done" -> budget;
            case "running" -> live.episodesDone(t.id());
            default -> 0;
        };
        EvaluationRow e = running ? latest : null;
        return new TrialRow(t.id(), t.studyId(), t.key(), t.environment(), t.feedback(), t.learner(), t.seed(), t.state(),
                t.error(), done, t.wallMillis(), Math.max(t.envSteps(), e == null ? 0 : e.envSteps()),
                Math.max(t.feedbackEvents(), e == null ? 0 : e.feedbackEvents()),
                Math.max(t.teacherSteps(), e == null ? 0 : e.teacherSteps()), t.takeovers(), t.notesJson());
    }

    private Map<Long, EvaluationRow> latestProvisional(long studyId) {
        Map<Long, EvaluationRow> latest = new HashMap<>();
        for (EvaluationRow r : live.provisional(studyId)) {
            latest.merge(r.trialId(), r, (a, b) -> b.episode() >= a.episode() ? b : a);
        }
        return latest;
    }

    @Override
    public List<EvaluationRow> evaluations(long studyId) {
        List<EvaluationRow> rows = new ArrayList<>(queries.evaluations(studyId));
        Set<Long> committed = new HashSet<>();
        rows.forEach(r -> committed.add(r.trialId()));
        live.provisional(studyId).stream().filter(r -> !committed.contains(r.trialId())).forEach(rows::add);
        return rows;
    }

    /** A trial's stored diagnostics, or while it runs the ones it reported so far. */
    @Override
    public List<MetricRow> metrics(long trialId) {
        List<MetricRow> stored = queries.metrics(trialId);
        return stored.isEmpty() ? live.metrics(trialId) : stored;
    }

    /** A trial's stored rollouts, or while it runs the ones it recorded so far (negative ids). */
    @Override
    public List<RolloutInfo> rollouts(long trialId) {
        List<RolloutInfo> stored = queries.rollouts(trialId);
        return stored.isEmpty() ? live.rollouts(trialId) : stored;
    }

    @Override
    public Optional<String> rolloutFrames(long rolloutId) {
        return rolloutId < 0 ? live.rolloutFrames(rolloutId) : queries.rolloutFrames(rolloutId);
    }

    @Override
    public List<PluginRow> plugins() {
        return plugins.get();
    }

    private int episodes(String manifestJson) {
        try {
            JsonNode n = mapper.readTree(manifestJson == null ? "{}" : manifestJson);
            return n.path("resolved").path("budget").path("episodes").asInt(0);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
