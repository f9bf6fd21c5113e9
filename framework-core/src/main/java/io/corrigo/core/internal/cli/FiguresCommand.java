package io.corrigo.core.internal.cli;

import io.corrigo.core.internal.report.HostReportData;
import io.corrigo.core.internal.report.LiveHub;
import io.corrigo.core.internal.store.StoreQueries;
import io.corrigo.reports.data.StudyRow;
import io.corrigo.reports.site.Figures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code corrigo figures NAME --out DIR}: a study's learning curves and matrix as SVG, PDF and PNG. */
@Command(name = "figures", description = "Write the newest run of a study's learning curves (against episodes and"
        + " against human effort) and success matrix as SVG, PDF and PNG, for a paper.", mixinStandardHelpOptions = true)
final class FiguresCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY-NAME", description = "The study (see ./corrigo results).")
    String name;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write them (created if missing).")
    Path out;

    @Mixin
    HostOptions host;

    @Override
    public Integer call() throws IOException {
        HostPaths paths = host.paths();
        try (StoreQueries queries = StoreQueries.open(paths.existingDatabase("no results yet"))) {
            StudyRow study = ReportCommand.newest(queries, name);
            List<Path> files = Figures.write(new HostReportData(queries, new LiveHub(), List::of), study.id(), out);
            System.out.println("Wrote " + files.size() + " files to " + out.toAbsolutePath() + " (run #" + study.id()
                    + " of '" + name + "'): " + String.join(", ", files.stream().map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".svg")).toList()) + " and the same as .pdf and .png");
            return ExitCodes.OK;
        }
    }
}
