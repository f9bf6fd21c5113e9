package io.corrigo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The suite's table from the measurements of every round: per row the median of the per-process
 * medians with their spread (min–max over rounds), the median p99, the Python reference under the
 * faster of its two malloc settings, the per-round ratio Corrigo/Python (median and spread), and how
 * far Corrigo's time is from what the core's measured FP32 matrix-product rate allows.
 */
final class Report {

    private final List<Map<String, Measurement>> corrigo;
    private final List<Map<String, Measurement>> python;
    private final List<Map<String, Measurement>> pythonTuned;

    /** Per-round measurements of each side (an empty list for a side that did not run). */
    Report(List<Map<String, Measurement>> corrigo, List<Map<String, Measurement>> python,
           List<Map<String, Measurement>> pythonTuned) {
        this.corrigo = corrigo;
        this.python = python;
        this.pythonTuned = pythonTuned;
    }

    /** Statistics of one row on one side: median p50, its spread over rounds, median p99. */
    record Summary(double p50, double min, double max, double p99, List<Double> perRound) {

        static Summary of(List<Map<String, Measurement>> rounds, String key) {
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            for (Map<String, Measurement> round : rounds) {
                Measurement m = round.get(key);
                p50.add(m == null ? Double.NaN : m.p50());
                if (m != null) {
                    p99.add(m.p99());
                }
            }
            List<Double> present = p50.stream().filter(v -> !v.isNaN()).toList();
            return new Summary(Measurement.median(present),
                    present.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                    present.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                    Measurement.median(p99), p50);
        }

        boolean present() {
            return !Double.isNaN(p50);
        }
    }

    /** The faster Python setting for {@code key} and whether it is the tuned-malloc one. */
    Map.Entry<Summary, Boolean> python(String key) {
        Summary plain = Summary.of(python, key);
        Summary tuned = Summary.of(pythonTuned, key);
        if (!tuned.present() || plain.present() && plain.p50() <= tuned.p50()) {
            return Map.entry(plain, false);
        }
        return Map.entry(tuned, true);
    }

    /** The ratio Corrigo/Python of each round for {@code key}, in round order (rounds missing a side left out). */
    List<Double> ratios(String key) {
        Summary java = Summary.of(corrigo, key);
        Summary py = python(key).getKey();
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < Math.min(java.perRound().size(), py.perRound().size()); r++) {
            double q = java.perRound().get(r) / py.perRound().get(r);
            if (!Double.isNaN(q)) {
                ratios.add(q);
            }
        }
        return ratios;
    }

    /** Median and spread of the per-round ratios Corrigo/Python for {@code key}: {median, min, max}. */
    double[] ratio(String key) {
        List<Double> ratios = ratios(key);
        return new double[] {Measurement.median(ratios),
                ratios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                ratios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)};
    }

    /** The core's single-thread FP32 rate in GFLOP/s: the faster side's median matrix-product time. */
    double limitGflops() {
        double best = Double.NaN;
        for (Summary s : List.of(Summary.of(corrigo, "GemmBench.product"), python("GemmBench.product").getKey())) {
            if (s.present()) {
                double rate = GemmBench.FLOPS / (s.p50() * 1e3);
                best = Double.isNaN(best) ? rate : Math.max(best, rate);
            }
        }
        return best;
    }

    /** The table in Markdown. */
    String markdown() {
        double limit = limitGflops();
        StringBuilder out = new StringBuilder();
        out.append("| hot path | Corrigo p50 [spread] | p99 | Python p50 [spread] | p99 | Corrigo/Python [spread] "
                + "| Corrigo ÷ FP32 limit |\n|---|---|---|---|---|---|---|\n");
        for (Row row : rows()) {
            Summary java = Summary.of(corrigo, row.key());
            Map.Entry<Summary, Boolean> py = python(row.key());
            if (!java.present() && !py.getKey().present()) {
                continue;
            }
            double[] q = ratio(row.key());
            out.append("| ").append(row.label()).append(" | ").append(spread(java)).append(" | ").append(time(java.p99()))
                    .append(" | ").append(spread(py.getKey())).append(py.getValue() ? " (malloc tuned)" : "")
                    .append(" | ").append(time(py.getKey().p99())).append(" | ")
                    .append(Double.isNaN(q[0]) ? "—" : String.format(Locale.ROOT, "**%.2f×** [%.2f–%.2f]", q[0], q[1], q[2]))
                    .append(" | ").append(row.flops() > 0 && java.present() && !Double.isNaN(limit)
                            ? String.format(Locale.ROOT, "%.2f×", java.p50() * 1e3 / (row.flops() / limit)) : "—")
                    .append(" |\n");
        }
        if (!Double.isNaN(limit)) {
            out.append(String.format(Locale.ROOT, "%nFP32 limit: %.0f GFLOP/s on one core (the faster side's median "
                    + "1024×256 · 256×256 product).%n", limit));
        }
        return out.append(perRound()).toString();
    }

    /**
     * Every round's ratio, so that a reader can see how a row's ratio is spread and pool it with
     * other runs' rounds: an empty string when no row has both sides.
     */
    String perRound() {
        StringBuilder out = new StringBuilder();
        for (Row row : rows()) {
            List<Double> ratios = ratios(row.key());
            if (ratios.isEmpty()) {
                continue;
            }
            // counted unrounded: 1.004 shows as 1.00 and counts as above 1.0
            long atMostOne = ratios.stream().filter(q -> q <= 1.0).count();
            out.append("| ").append(row.label()).append(" | ")
                    .append(String.join(" ", ratios.stream().map(q -> String.format(Locale.ROOT, "%.2f", q)).toList()))
                    .append(" | ").append(atMostOne).append(" of ").append(ratios.size()).append(" |\n");
        }
        return out.isEmpty() ? "" : "\nCorrigo/Python in each round (round order; each a pair of processes that ran one after "
                + "the other):\n\n| hot path | per-round ratios | rounds at or below 1.0 |\n|---|---|---|\n" + out;
    }

    /** The suite's rows, then the opt-in kernel rows: the order of both tables. */
    private static List<Row> rows() {
        return java.util.stream.Stream.concat(Row.all().stream(), Row.kernels().stream()).toList();
    }

    private static String spread(Summary s) {
        if (!s.present()) {
            return "—";
        }
        double unit = s.p50() < 1 ? 1e-3 : s.p50() < 1000 ? 1 : 1000;
        return time(s.p50()) + String.format(Locale.ROOT, " [%.2f–%.2f]", s.min() / unit, s.max() / unit);
    }

    /** Microseconds as ns below 1 µs, µs below 1 ms, else ms. */
    static String time(double micros) {
        if (Double.isNaN(micros)) {
            return "—";
        }
        if (micros < 1) {
            return String.format(Locale.ROOT, "%.0f ns", micros * 1000);
        }
        return micros < 1000 ? String.format(Locale.ROOT, "%.1f µs", micros)
                : String.format(Locale.ROOT, "%.2f ms", micros / 1000);
    }
}
