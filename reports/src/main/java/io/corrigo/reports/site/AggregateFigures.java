package io.corrigo.reports.site;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The site's aggregate plots as figures (rliable's): the interquartile mean of the final success
 * rate per learner with its 95 % stratified-bootstrap interval, and the performance profiles with
 * their bands, from the same numbers as {@code /api/studies/ID/aggregates}.
 */
final class AggregateFigures {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 460;

    private AggregateFigures() {
    }

    /** Writes {@code aggregate_iqm} and {@code aggregate_profile} (SVG, PDF, PNG); nothing for a study without learners. */
    static List<Path> write(StudySnapshot study, Path outDir) throws IOException {
        JsonNode aggregates = AggregateView.of(study, Optional.empty()).json();
        List<JsonNode> learners = new ArrayList<>();
        aggregates.path("learners").forEach(l -> {
            if (l.path("iqm").isObject()) {
                learners.add(l);
            }
        });
        if (learners.isEmpty()) {
            return List.of();
        }
        List<String> names = learners.stream().map(l -> l.path("learner").asText()).toList();
        List<Path> files = new ArrayList<>();
        files.addAll(Figures.save(iqm(learners), outDir.resolve("aggregate_iqm"),
                "Interquartile mean of the final success rate", "x axis: IQM of the final success rate over every run of"
                        + " every task (dot) with its 95% stratified-bootstrap interval (bar); y axis: learner ("
                        + String.join(", ", names) + "); " + aggregates.path("tasks").size() + " task(s)"));
        files.addAll(Figures.save(profiles(learners), outDir.resolve("aggregate_profile"), "Performance profiles",
                "x axis: final success rate threshold tau; y axis: fraction of runs above tau (95% bootstrap band);"
                        + " series: " + String.join(", ", names)));
        return files;
    }

    private static XYChart iqm(List<JsonNode> learners) {
        XYChart chart = base("Interquartile mean (95% bootstrap CI)", "IQM of the final success rate",
                "learner (top to bottom as in the legend)");
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(1.0);
        chart.getStyler().setYAxisMin(-0.5);
        chart.getStyler().setYAxisMax(learners.size() - 0.5);
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        for (int i = 0; i < learners.size(); i++) {
            JsonNode l = learners.get(i);
            double y = learners.size() - 1 - i;
            Color colour = Figures.colour(i);
            JsonNode iqm = l.path("iqm");
            XYSeries bar = chart.addSeries(l.path("learner").asText() + " (95% CI)",
                    List.of(iqm.path("low").asDouble(), iqm.path("high").asDouble()), List.of(y, y));
            bar.setLineColor(colour);
            bar.setLineStyle(new BasicStroke(4f));
            bar.setMarker(SeriesMarkers.NONE);
            bar.setShowInLegend(false);
            XYSeries dot = chart.addSeries(l.path("learner").asText(), List.of(iqm.path("estimate").asDouble()), List.of(y));
            dot.setMarker(SeriesMarkers.DIAMOND);
            dot.setMarkerColor(colour);
            dot.setLineColor(colour);
        }
        return chart;
    }

    private static XYChart profiles(List<JsonNode> learners) {
        XYChart chart = base("Performance profiles", "final success rate threshold τ", "fraction of runs with score > τ");
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(1.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        for (int i = 0; i < learners.size(); i++) {
            JsonNode l = learners.get(i);
            List<Double> tau = new ArrayList<>();
            List<Double> estimate = new ArrayList<>();
            List<Double> low = new ArrayList<>();
            List<Double> high = new ArrayList<>();
            l.path("profile").forEach(p -> {
                tau.add(p.path("tau").asDouble());
                estimate.add(p.path("estimate").asDouble());
                low.add(p.path("low").asDouble());
                high.add(p.path("high").asDouble());
            });
            if (tau.isEmpty()) {
                continue;
            }
            Figures.band(chart, l.path("learner").asText(), tau, low, high, Figures.colour(i));
            XYSeries line = chart.addSeries(l.path("learner").asText(), tau, estimate);
            line.setLineColor(Figures.colour(i));
            line.setMarker(SeriesMarkers.NONE);
            line.setLineStyle(new BasicStroke(2f));
        }
        return chart;
    }

    private static XYChart base(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        var s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.InsideSW);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xDDDDDD));
        s.setToolTipsEnabled(false);
        return chart;
    }
}
