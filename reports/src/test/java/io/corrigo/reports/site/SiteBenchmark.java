package io.corrigo.reports.site;

import io.corrigo.reports.data.EvaluationRow;
import io.corrigo.reports.data.StudyDetail;
import io.corrigo.reports.data.StudyRow;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How long the study views take on a paper-sized study: 6 learners × 3 environments × 3 feedback
 * conditions × 5 seeds, 10 evaluations each; finished (50 000 resamples) and running (2 000).
 * Run: {@code java -cp <test classpath> io.corrigo.reports.site.SiteBenchmark}.
 */
final class SiteBenchmark {

    private SiteBenchmark() {
    }

    public static void main(String[] args) {
        for (String state : List.of("finished", "running")) {
            StudySnapshot study = StudySnapshot.read(data(state), 1).orElseThrow();
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                MatrixView.of(study);
                long t1 = System.nanoTime();
                CurvesView.of(study);
                long t2 = System.nanoTime();
                AggregateView.of(study, Optional.empty());
                long t3 = System.nanoTime();
                System.out.printf(Locale.ROOT, "%s (%d resamples) round %d: matrix %.0f ms, curves %.0f ms, aggregate %.0f ms%n",
                        state, Resampling.resamples(study), round, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
            }
        }
    }

    private static MemoryReportData data(String state) {
        List<String> envs = List.of("two-route", "particle", "push-t");
        List<String> feedback = List.of("accurate", "noisy", "takeover");
        List<String> learners = List.of("bc", "ibc", "clic-half", "clic-circular", "rlif", "diffusion");
        MemoryReportData data = new MemoryReportData();
        data.putStudy(new StudyDetail(new StudyRow(1, "bench", state, "cpu", 270, 270, 0, 0, DemoStudies.START, ""),
                "bench.yaml", "", "{}", envs, feedback, learners, List.of(1L, 2L, 3L, 4L, 5L), 100));
        SplittableRandom random = new SplittableRandom(1);
        long id = 1;
        for (String env : envs) {
            for (String fb : feedback) {
                for (String learner : learners) {
                    for (long seed = 1; seed <= 5; seed++, id++) {
                        data.putTrial(DemoStudies.trial(id, 1, env, fb, learner, seed, "done", 100, "", 500, 100));
                        for (int k = 0; k <= 10; k++) {
                            int s = random.nextInt(51);
                            data.addEvaluation(new EvaluationRow(id, 10 * k, 50, s, 0, 0, 1000L * k, 50L * k, 10L * k, false));
                        }
                    }
                }
            }
        }
        return data;
    }
}
