package io.corrigo.core.internal.cli;

import io.corrigo.core.internal.report.HostReportData;
import io.corrigo.core.internal.report.LiveHub;
import io.corrigo.core.internal.store.StoreQueries;
import io.corrigo.reports.data.StudyRow;
import io.corrigo.reports.site.StaticReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code corrigo report NAME --out DIR}: a static, self-contained HTML copy of a study's page. */
@Command(name = "report", description = "Write a static, self-contained HTML copy of the newest run of a study.",
        mixinStandardHelpOptions = true)
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY-NAME", description = "The study (see ./corrigo results).")
    String name;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write it (created if missing).")
    Path out;

    @Mixin
    HostOptions host;

    /** The newest stored run of study {@code name}; a clear error listing the stored studies if there is none. */
    static StudyRow newest(StoreQueries queries, String name) {
        List<StudyRow> studies = queries.studies();
        return studies.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new UserInputException("no stored study named '" + name + "'. Stored: "
                        + String.join(", ", studies.stream().map(StudyRow::name).distinct().sorted().toList())));
    }

    @Override
    public Integer call() throws IOException {
        HostPaths paths = host.paths();
        try (StoreQueries queries = StoreQueries.open(paths.existingDatabase("no results yet"))) {
            StudyRow study = newest(queries, name);
            Path page = StaticReport.write(new HostReportData(queries, new LiveHub(), List::of), study.id(), out);
            System.out.println("Wrote " + page.toAbsolutePath() + " (run #" + study.id() + " of '" + name + "'; opens without a server)");
            return ExitCodes.OK;
        }
    }
}
