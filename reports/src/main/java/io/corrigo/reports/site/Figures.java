package io.corrigo.reports.site;

import com.fasterxml.jackson.databind.JsonNode;
import io.corrigo.reports.data.ReportData;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A study's figures for a paper, drawn from the same data as the site: per environment × feedback
 * condition the learning curves against training episodes and against human effort (feedback
 * events) — one line per learner, mean over seeds with its 95 % bootstrap band, the site's colours —
 * and per environment the matrix of final success rates; each as SVG, PDF and PNG.
 */
public final class Figures {

    /** The site's Okabe–Ito palette, in the same order. */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x8C6D31), new Color(0x000000)};
    private static final int WIDTH = 720;
    private static final int HEIGHT = 460;

    private Figures() {
    }

    /**
     * Writes the figures of study run {@code studyId} into {@code outDir} (created if needed) and
     * returns the files written.
     *
     * @throws IllegalArgumentException if there is no such study
     * @throws IOException              if a file cannot be written
     */
    public static List<Path> write(ReportData data, long studyId, Path outDir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        StudySnapshot study = StudySnapshot.read(data, studyId)
                .orElseThrow(() -> new IllegalArgumentException("no study run " + studyId));
        Files.createDirectories(outDir);
        List<Path> files = new ArrayList<>();
        JsonNode curves = CurvesView.of(study).json();
        for (JsonNode condition : curves.path("conditions")) {
            String name = condition.path("environment").asText() + " · " + condition.path("feedback").asText();
            String stem = file(condition.path("environment").asText()) + "_" + file(condition.path("feedback").asText());
            for (String[] axis : new String[][] {{"episode", "training episodes", "curves-episodes_"},
                {"feedbackEvents", "human effort: feedback events (mean, cumulative)", "curves-effort_"}}) {
                XYChart chart = curve(name, condition, axis[0], axis[1]);
                List<String> learners = new ArrayList<>();
                condition.path("lines").forEach(l -> learners.add(l.path("learner").asText()));
                files.addAll(save(chart, outDir.resolve(axis[2] + stem), "Learning curves, " + name, "x axis: " + axis[1]
                        + "; y axis: success rate (mean over seeds, 95% bootstrap band over seeds); series: "
                        + String.join(", ", learners)));
            }
        }
        JsonNode matrix = MatrixView.of(study).json();
        for (Map.Entry<String, HeatMapChart> m : matrices(matrix).entrySet()) {
            List<String> learners = new ArrayList<>();
            matrix.path("rows").forEach(r -> learners.add(r.path("learner").asText()));
            files.addAll(save(m.getValue(), outDir.resolve("matrix_" + file(m.getKey())), m.getKey() + ": final success (%)",
                    "x axis: feedback condition (" + String.join(", ", feedbackOf(matrix, m.getKey())) + "); y axis: learner ("
                            + String.join(", ", learners) + "); value: final success rate in %"));
        }
        files.addAll(AggregateFigures.write(study, outDir));
        return files;
    }

    private static XYChart curve(String title, JsonNode condition, String x, String xTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle("success rate").build();
        var s = chart.getStyler();
        s.setYAxisMin(0.0);
        s.setYAxisMax(1.0);
        s.setLegendPosition(Styler.LegendPosition.InsideSE);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xDDDDDD));
        s.setToolTipsEnabled(false);
        int i = 0;
        for (JsonNode line : condition.path("lines")) {
            List<Double> xs = new ArrayList<>();
            List<Double> mean = new ArrayList<>();
            List<Double> low = new ArrayList<>();
            List<Double> high = new ArrayList<>();
            for (JsonNode p : line.path("points")) {
                if (p.path("mean").isNumber()) {
                    xs.add(p.path(x).asDouble());
                    mean.add(p.path("mean").asDouble());
                    low.add(p.path("low").isNumber() ? p.path("low").asDouble() : p.path("mean").asDouble());
                    high.add(p.path("high").isNumber() ? p.path("high").asDouble() : p.path("mean").asDouble());
                }
            }
            Color colour = colour(i++);
            if (xs.isEmpty()) {
                continue;
            }
            band(chart, line.path("learner").asText(), xs, low, high, colour);
            XYSeries series = chart.addSeries(line.path("learner").asText(), xs, mean);
            series.setLineColor(colour);
            series.setMarkerColor(colour);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineStyle(new BasicStroke(2f));
        }
        return chart;
    }

    /** One heat map per environment: learners × feedback conditions, the final success rate in %. */
    private static Map<String, HeatMapChart> matrices(JsonNode matrix) {
        Map<String, List<String>> feedbackByEnv = new LinkedHashMap<>();
        for (JsonNode c : matrix.path("columns")) {
            feedbackByEnv.computeIfAbsent(c.path("environment").asText(), k -> new ArrayList<>()).add(c.path("feedback").asText());
        }
        Map<String, HeatMapChart> charts = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> env : feedbackByEnv.entrySet()) {
            List<String> learners = new ArrayList<>();
            List<Number[]> cells = new ArrayList<>();
            int row = 0;
            for (JsonNode r : matrix.path("rows")) {
                learners.add(r.path("learner").asText());
                for (JsonNode cell : r.path("cells")) {
                    if (cell.path("environment").asText().equals(env.getKey())) {
                        int column = env.getValue().indexOf(cell.path("feedback").asText());
                        JsonNode success = cell.path("success").path("estimate");
                        if (column >= 0 && success.isNumber()) {
                            cells.add(new Number[] {column, row, Math.round(success.asDouble() * 1000) / 10.0});
                        }
                    }
                }
                row++;
            }
            HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(Math.max(260, 90 + 60 * learners.size()))
                    .title(env.getKey() + ": final success (%)").xAxisTitle("feedback condition").yAxisTitle("learner").build();
            var st = chart.getStyler();
            st.setShowValue(true);
            st.setMin(0);
            st.setMax(100);
            st.setChartBackgroundColor(Color.WHITE);
            // light to mid blue: the black values stay readable on every cell (contrast >= 6:1)
            st.setRangeColors(new Color[] {new Color(0xF7FBFF), new Color(0x9ECAE1), new Color(0x4292C6)});
            st.setToolTipsEnabled(false);
            chart.addSeries("final success %", env.getValue(), learners, cells);
            charts.put(env.getKey(), chart);
        }
        return charts;
    }

    private static List<String> feedbackOf(JsonNode matrix, String environment) {
        List<String> feedback = new ArrayList<>();
        matrix.path("columns").forEach(c -> {
            if (c.path("environment").asText().equals(environment)) {
                feedback.add(c.path("feedback").asText());
            }
        });
        return feedback;
    }

    /**
     * Saves {@code chart} as SVG, PDF and PNG. The SVG draws its text as outlines, so it also gets a
     * {@code <title>} and a {@code <desc>} naming the axes and the series (for screen readers and search).
     */
    /** The site's colour of series {@code i}. */
    static Color colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** A 95 % band from {@code low} to {@code high} over {@code xs}, filled in a light {@code colour}, not in the legend. */
    static void band(XYChart chart, String name, List<Double> xs, List<Double> low, List<Double> high, Color colour) {
        List<Double> bx = new ArrayList<>(xs);
        List<Double> by = new ArrayList<>(high);
        for (int k = xs.size() - 1; k >= 0; k--) {
            bx.add(xs.get(k));
            by.add(low.get(k));
        }
        XYSeries band = chart.addSeries(name + " (95% band)", bx, by);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(alpha(colour));
        band.setLineColor(alpha(colour));
        band.setMarker(SeriesMarkers.NONE);
        band.setShowInLegend(false);
    }

    static List<Path> save(Chart<?, ?> chart, Path stem, String title, String description) throws IOException {
        List<Path> out = new ArrayList<>();
        VectorGraphicsEncoder.saveVectorGraphic(chart, stem.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        Path svg = Path.of(stem + ".svg");
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        int open = text.indexOf('>', text.indexOf("<svg")) + 1;
        Files.writeString(svg, text.substring(0, open).replace("<svg ", "<svg role=\"img\" aria-label=\"" + xml(title)
                + "\" ") + "<title>" + xml(title) + "</title><desc>" + xml(description) + "</desc>" + text.substring(open),
                StandardCharsets.UTF_8);
        out.add(svg);
        VectorGraphicsEncoder.saveVectorGraphic(chart, stem.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.PDF);
        out.add(Path.of(stem + ".pdf"));
        BitmapEncoder.saveBitmapWithDPI(chart, stem.toString(), BitmapEncoder.BitmapFormat.PNG, 150);
        out.add(Path.of(stem + ".png"));
        return out;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Color alpha(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 48);
    }

    private static String file(String label) {
        return label.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
