package io.corrigo.reports.site;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corrigo.reports.data.EvaluationRow;
import io.corrigo.reports.data.MetricRow;
import io.corrigo.reports.data.PluginRow;
import io.corrigo.reports.data.ReportData;
import io.corrigo.reports.data.RolloutInfo;
import io.corrigo.reports.data.TrialRow;
import io.corrigo.reports.stats.Interval;
import io.corrigo.reports.stats.Wilson;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One trial (its evaluation curve, diagnostics, human effort, notes, failure, rollouts) and the plugin list. */
final class TrialView {

    private TrialView() {
    }

    static Optional<Reply> trial(ReportData data, long trialId) {
        return data.trial(trialId).map(t -> {
            List<EvaluationRow> points = data.evaluations(t.studyId()).stream()
                    .filter(e -> e.trialId() == trialId).sorted(Comparator.comparingInt(EvaluationRow::episode))
                    .toList();
            ObjectNode root = Json.object();
            root.set("trial", StudyView.trial(t));
            data.study(t.studyId()).ifPresent(s -> root.putObject("study").put("id", s.study().id())
                    .put("name", s.study().name()).put("state", s.study().state()).put("episodes", s.episodes()));
            root.set("effort", effort(t, points));
            TrialScore.of(t, points).ifPresent(s -> {
                ObjectNode score = root.putObject("score").put("provisional", s.provisional())
                        .put("finalRule", TrialScore.FINAL_RULE).put("bestRule", TrialScore.BEST_RULE);
                Json.put(score, "final", s.finalRate());
                Json.put(score, "best", s.bestRate());
            });
            Table.Builder table = Table.of("trialId", "episode", "episodes", "successes", "rate", "low", "high",
                    "meanReturn", "meanProgress", "envSteps", "feedbackEvents", "teacherSteps", "provisional");
            root.set("evaluations", evaluations(points, table));
            root.set("metrics", metrics(data.metrics(trialId)));
            root.set("rollouts", rollouts(data.rollouts(trialId)));
            return new Reply(root, table.build());
        });
    }

    static Optional<Reply> metrics(ReportData data, long trialId) {
        return data.trial(trialId).map(t -> {
            List<MetricRow> rows = data.metrics(trialId);
            Table.Builder table = Table.of("trialId", "episode", "name", "value", "unit");
            rows.forEach(m -> table.row(m.trialId(), m.episode(), m.name(), m.value(), m.unit()));
            return new Reply(metrics(rows), table.build());
        });
    }

    static Optional<Reply> rollouts(ReportData data, long trialId) {
        return data.trial(trialId).map(t -> {
            List<RolloutInfo> rows = data.rollouts(trialId);
            Table.Builder table = Table.of("id", "trialId", "kind", "episode", "steps", "success");
            rows.forEach(r -> table.row(r.id(), r.trialId(), r.kind(), r.episode(), r.steps(), r.success()));
            return new Reply(rollouts(rows), table.build());
        });
    }

    static Reply plugins(List<PluginRow> plugins) {
        ArrayNode list = Json.array();
        Table.Builder table = Table.of("id", "kind", "bundle", "version", "state", "description", "defaults");
        for (PluginRow p : plugins) {
            ObjectNode n = list.addObject().put("id", p.id()).put("kind", p.kind()).put("bundle", p.bundle())
                    .put("version", p.version()).put("state", p.state()).put("description", p.description());
            n.set("defaults", Json.parse(p.defaultsJson()));
            table.row(p.id(), p.kind(), p.bundle(), p.version(), p.state(), p.description(), p.defaultsJson());
        }
        return new Reply(Json.object().set("plugins", list), table.build());
    }

    private static ArrayNode evaluations(List<EvaluationRow> points, Table.Builder table) {
        ArrayNode list = Json.array();
        for (EvaluationRow e : points) {
            ObjectNode n = list.addObject().put("episode", e.episode()).put("episodes", e.episodes())
                    .put("successes", e.successes());
            Interval rate = e.episodes() > 0 ? Wilson.interval95(e.successes(), e.episodes())
                    : new Interval(Double.NaN, Double.NaN, Double.NaN);
            Json.put(n, "rate", rate.estimate());
            Json.put(n, "low", rate.low());
            Json.put(n, "high", rate.high());
            Json.put(n, "meanReturn", e.meanReturn());
            Json.put(n, "meanProgress", e.meanProgress());
            n.put("envSteps", e.envSteps()).put("feedbackEvents", e.feedbackEvents())
                    .put("teacherSteps", e.teacherSteps()).put("provisional", e.provisional());
            table.row(e.trialId(), e.episode(), e.episodes(), e.successes(), rate.estimate(), rate.low(), rate.high(),
                    e.meanReturn(), e.meanProgress(), e.envSteps(), e.feedbackEvents(), e.teacherSteps(),
                    e.provisional());
        }
        return list;
    }

    /**
     * {@code [{name, unit, points: [{episode, value}]}]}, names in order of first appearance; the unit
     * is the last non-empty one recorded under the name ("" when the learner gave none).
     */
    private static ArrayNode metrics(List<MetricRow> rows) {
        Map<String, ArrayNode> byName = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (MetricRow m : rows) {
            ObjectNode p = byName.computeIfAbsent(m.name(), k -> Json.array()).addObject().put("episode", m.episode());
            Json.put(p, "value", m.value());
            if (!m.unit().isEmpty() || !units.containsKey(m.name())) {
                units.put(m.name(), m.unit());
            }
        }
        ArrayNode list = Json.array();
        byName.forEach((name, points) -> list.addObject().put("name", name).put("unit", units.get(name)).set("points", points));
        return list;
    }

    private static ArrayNode rollouts(List<RolloutInfo> rows) {
        ArrayNode list = Json.array();
        rows.forEach(r -> list.addObject().put("id", r.id()).put("kind", r.kind()).put("episode", r.episode())
                .put("steps", r.steps()).put("success", r.success()));
        return list;
    }

    /** Human effort so far: the stored totals, or for a running trial its latest evaluation's counters. */
    private static ObjectNode effort(TrialRow t, List<EvaluationRow> points) {
        EvaluationRow last = points.isEmpty() ? null : points.get(points.size() - 1);
        boolean live = "running".equals(t.state());
        return Json.object()
                .put("envSteps", Math.max(t.envSteps(), last == null ? 0 : last.envSteps()))
                .put("feedbackEvents", Math.max(t.feedbackEvents(), last == null ? 0 : last.feedbackEvents()))
                .put("teacherSteps", Math.max(t.teacherSteps(), last == null ? 0 : last.teacherSteps()))
                .put("takeovers", t.takeovers()).put("provisional", live);
    }
}
