package io.corrigo.reports.site;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corrigo.reports.data.ReportData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A static, self-contained copy of a study page: one {@code index.html} with the site's styles, scripts,
 * Chart.js and the study's API answers embedded, which opens from the file system without a server,
 * plus the tables as CSV files and the embedded data as {@code data.json} beside it.
 */
public final class StaticReport {

    private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"/assets/([^\"]+)\">");
    private static final Pattern SCRIPT = Pattern.compile("<script src=\"/assets/([^\"]+)\"></script>");

    private StaticReport() {
    }

    /**
     * Writes the report of study {@code studyId} into {@code outDir} (created if needed; existing files of
     * the same names are replaced) and returns the path of its {@code index.html}. Statistics use the final
     * number of bootstrap resamples unless the study is still running. Call from any thread; it reads
     * {@code data} once.
     *
     * @throws IllegalArgumentException if there is no such study
     * @throws IOException              if the files cannot be written
     */
    public static Path write(ReportData data, long studyId, Path outDir) throws IOException {
        StudySnapshot study = StudySnapshot.read(data, studyId)
                .orElseThrow(() -> new IllegalArgumentException("no study run " + studyId));
        Files.createDirectories(outDir);
        String base = "/api/studies/" + studyId;
        Reply summary = StudyView.study(study, Instant.now());
        Reply matrix = MatrixView.of(study);
        Reply curves = CurvesView.of(study);
        Reply aggregate = AggregateView.of(study, Optional.empty());
        ObjectNode responses = Json.object();
        responses.set(base, summary.json());
        responses.set(base + "/matrix", matrix.json());
        responses.set(base + "/curves", curves.json());
        responses.set(base + "/aggregate", aggregate.json());
        for (String learner : study.detail().learners()) {
            responses.set(base + "/aggregate?baseline=" + learner, AggregateView.of(study, Optional.of(learner)).json());
        }
        ObjectNode embedded = Json.object().put("studyId", studyId).put("generatedAt", Instant.now().toString());
        embedded.set("responses", responses);
        String json = Json.write(embedded);
        Files.writeString(outDir.resolve("data.json"), json, StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("trials.csv"), summary.table().csv(), StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("matrix.csv"), matrix.table().csv(), StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("curves.csv"), curves.table().csv(), StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("aggregate.csv"), aggregate.table().csv(), StandardCharsets.UTF_8);
        Path index = outDir.resolve("index.html");
        Files.writeString(index, page(new Assets(), json), StandardCharsets.UTF_8);
        return index;
    }

    /** The study page with every asset inlined and the data embedded before the first script. */
    static String page(Assets assets, String json) {
        String html = assets.text("study.html");
        html = STYLESHEET.matcher(html).replaceAll(m -> Matcher.quoteReplacement(
                "<style>\n" + assets.text(m.group(1)) + "\n</style>"));
        html = SCRIPT.matcher(html).replaceAll(m -> Matcher.quoteReplacement(
                "<script>\n" + scriptSafe(assets.text(m.group(1))) + "\n</script>"));
        String data = "<script>window.CORRIGO_STATIC = " + json.replace("<", "\\u003c")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + ";</script>\n";
        int first = html.indexOf("<script>");
        return html.substring(0, first) + data + html.substring(first);
    }

    /** Keeps a script's text from closing its element early; {@code <\/} means the same inside JS strings. */
    private static String scriptSafe(String js) {
        return js.replaceAll("(?i)</(script)", "<\\\\/$1");
    }
}
