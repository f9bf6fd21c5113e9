package io.corrigo.reports.site;

/** Bootstrap settings: fewer resamples while a study runs (recomputed on every update), more once it ended. */
final class Resampling {

    /** Resamples while the study runs. */
    static final int LIVE = 2_000;
    /** Resamples once the study has ended (rliable's default for final reports). */
    static final int FINAL = 50_000;
    /** The fixed seed: the same data always gives the same intervals. */
    static final long SEED = 20_211_206L;

    private Resampling() {
    }

    static int resamples(StudySnapshot study) {
        return study.running() ? LIVE : FINAL;
    }
}
