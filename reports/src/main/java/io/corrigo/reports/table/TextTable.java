package io.corrigo.reports.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders the comparison as a fixed-width text table for terminals. */
public final class TextTable {

    private static final String[] HEADER = {"environment", "feedback", "learner", "success [95% CI]", "final", "best",
            "progress ± sd",
            "feedback", "teacher steps", "seeds"};

    private TextTable() {
    }

    /** The table, followed by a legend naming each rule. */
    public static String render(List<CellSummary> rows, int finalWindow) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (CellSummary r : rows) {
            cells.add(new String[]{r.environment(), r.feedback(), r.learner(),
                    r.success().map(i -> pct(i.estimate()) + " [" + pct(i.low()) + ", " + pct(i.high()) + "]").orElse("-"),
                    r.seedsFinished() > 0 ? pct(r.finalMean()) : "-",
                    r.seedsFinished() > 0 ? pct(r.bestMean()) : "-",
                    r.seedsFinished() > 0 ? String.format(Locale.ROOT, "%.3f ± %.3f", r.progressMean(), r.progressSd()) : "-",
                    r.seedsFinished() > 0 ? String.format(Locale.ROOT, "%.0f", r.feedbackMean()) : "-",
                    r.seedsFinished() > 0 ? String.format(Locale.ROOT, "%.0f", r.teacherStepsMean()) : "-",
                    r.seedsFinished() + "/" + r.seedsTotal() + (r.seedsFailed() > 0 ? " (" + r.seedsFailed() + " failed)" : "")});
        }
        int[] width = new int[HEADER.length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            String[] row = cells.get(r);
            for (int i = 0; i < row.length; i++) {
                boolean numeric = i >= 3;
                String cell = numeric ? pad(row[i], width[i], true) : pad(row[i], width[i], false);
                b.append(i == 0 ? "" : "  ").append(cell);
            }
            b.append('\n');
            if (r == 0) {
                int total = 0;
                for (int w : width) {
                    total += w;
                }
                b.append("-".repeat(total + 2 * (width.length - 1))).append('\n');
            }
        }
        b.append("success: rollouts of the last ").append(finalWindow)
                .append(" evaluations (after training started) pooled over finished seeds, 95% Wilson interval.\n")
                .append("final: mean over seeds of the last ").append(finalWindow)
                .append(" evaluations; best: mean over seeds of each seed's best evaluation.\n")
                .append("progress: mean final progress of the same evaluations (the in-set rate on desired-action toys),")
                .append(" mean ± sd over seeds.\n")
                .append("feedback / teacher steps: mean per trial of feedback events given / steps executed by the teacher.\n");
        return b.toString();
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String pad(String s, int w, boolean right) {
        String fill = " ".repeat(Math.max(0, w - s.length()));
        return right ? fill + s : s + fill;
    }
}
