package io.corrigo.reports.site;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corrigo.reports.stats.Interval;
import io.corrigo.reports.stats.SeedBootstrap;
import io.corrigo.reports.stats.StratifiedBootstrap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Two study runs side by side: their study texts diffed line by line, and for every condition
 * (environment × feedback × learner) the mean final success over seeds of each run with its
 * bootstrap interval, and the difference (B − A) with a 95 % interval from resampling each run's
 * seeds independently; conditions only one run has are listed as such.
 */
final class CompareView {

    static final String RULE = "final: mean over seeds of each seed's final success (last evaluations); intervals: 95%"
            + " bootstrap over seeds; difference B − A: seeds of A and of B resampled independently";

    private CompareView() {
    }

    static Reply of(StudySnapshot a, StudySnapshot b) {
        int resamples = Math.min(Resampling.resamples(a), Resampling.resamples(b));
        ObjectNode root = Json.object().put("rule", RULE).put("resamples", resamples);
        root.set("a", side(a));
        root.set("b", side(b));
        root.set("specDiff", diff(a.detail().specYaml(), b.detail().specYaml()));
        ArrayNode cells = root.putArray("cells");
        Table.Builder table = Table.of("environment", "feedback", "learner", "a_seeds", "a_final", "a_low", "a_high",
                "b_seeds", "b_final", "b_low", "b_high", "difference", "difference_low", "difference_high");
        Set<String> learners = new LinkedHashSet<>(a.detail().learners());
        learners.addAll(b.detail().learners());
        Set<StudySnapshot.Column> columns = new LinkedHashSet<>(a.columns());
        columns.addAll(b.columns());
        for (StudySnapshot.Column column : columns) {
            for (String learner : learners) {
                double[] x = finals(a, column, learner);
                double[] y = finals(b, column, learner);
                if (x.length == 0 && y.length == 0) {
                    continue;
                }
                ObjectNode cell = cells.addObject().put("environment", column.environment()).put("feedback", column.feedback())
                        .put("learner", learner).put("aSeeds", x.length).put("bSeeds", y.length);
                Interval ia = x.length > 0 ? SeedBootstrap.meanInterval(x, resamples, Resampling.SEED) : null;
                Interval ib = y.length > 0 ? SeedBootstrap.meanInterval(y, resamples, Resampling.SEED) : null;
                put(cell, "a", ia, x.length);
                put(cell, "b", ib, y.length);
                Interval d = x.length > 0 && y.length > 0 ? StratifiedBootstrap.interval(List.of(x), List.of(y),
                        (p, q) -> mean(q.get(0)) - mean(p.get(0)), resamples, Resampling.SEED) : null;
                put(cell, "difference", d, Math.min(x.length, y.length));
                table.row(column.environment(), column.feedback(), learner, x.length, est(ia), low(ia, x.length),
                        high(ia, x.length), y.length, est(ib), low(ib, y.length), high(ib, y.length), est(d),
                        low(d, Math.min(x.length, y.length)), high(d, Math.min(x.length, y.length)));
            }
        }
        return new Reply(root, table.build());
    }

    private static ObjectNode side(StudySnapshot s) {
        return Json.object().put("id", s.id()).put("name", s.detail().study().name()).put("state", s.detail().study().state())
                .put("createdAt", s.detail().study().createdAt());
    }

    private static double[] finals(StudySnapshot s, StudySnapshot.Column column, String learner) {
        if (!s.columns().contains(column) || !s.detail().learners().contains(learner)) {
            return new double[0];
        }
        return s.scores(column, learner).stream().mapToDouble(TrialScore::finalRate).toArray();
    }

    /** The estimate always; the interval only from two seeds or more (one seed has no spread to show). */
    private static void put(ObjectNode cell, String key, Interval i, int seeds) {
        if (i == null) {
            cell.putNull(key);
            return;
        }
        ObjectNode n = cell.putObject(key);
        Json.put(n, "estimate", i.estimate());
        if (seeds >= 2) {
            Json.put(n, "low", i.low());
            Json.put(n, "high", i.high());
        }
    }

    private static double est(Interval i) {
        return i == null ? Double.NaN : i.estimate();
    }

    private static double low(Interval i, int seeds) {
        return i == null || seeds < 2 ? Double.NaN : i.low();
    }

    private static double high(Interval i, int seeds) {
        return i == null || seeds < 2 ? Double.NaN : i.high();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** A line diff of two texts (longest common subsequence): [{op: " "|"-"|"+", line}]. */
    static ArrayNode diff(String a, String b) {
        List<String> x = lines(a);
        List<String> y = lines(b);
        int[][] lcs = new int[x.size() + 1][y.size() + 1];
        for (int i = x.size() - 1; i >= 0; i--) {
            for (int j = y.size() - 1; j >= 0; j--) {
                lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        int i = 0;
        int j = 0;
        while (i < x.size() || j < y.size()) {
            if (i < x.size() && j < y.size() && x.get(i).equals(y.get(j))) {
                out.addObject().put("op", " ").put("line", x.get(i++));
                j++;
            } else if (j < y.size() && (i == x.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.addObject().put("op", "+").put("line", y.get(j++));
            } else {
                out.addObject().put("op", "-").put("line", x.get(i++));
            }
        }
        return out;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>((text == null ? "" : text).lines().toList());
        if (lines.size() > 2000) {
            lines = new ArrayList<>(lines.subList(0, 2000));
            lines.add("… (longer texts are cut at 2 000 lines)");
        }
        return lines;
    }
}
