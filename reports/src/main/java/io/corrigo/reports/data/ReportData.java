package io.corrigo.reports.data;

import java.util.List;
import java.util.Optional;

/**
 * Everything the report site reads, implemented by the host over its store (committed results)
 * merged with the live state of running trials (evaluation points not yet committed are marked
 * {@code provisional}). Implementations are thread-safe; every call reads the current state.
 */
public interface ReportData {

    /** Every stored study run, newest first. */
    List<StudyRow> studies();

    /** One study run with its manifest and spec. */
    Optional<StudyDetail> study(long studyId);

    /** The trials of a run, in plan order. */
    List<TrialRow> trials(long studyId);

    /** One trial. */
    Optional<TrialRow> trial(long trialId);

    /** Every evaluation point of a run (committed and provisional), by trial then episode. */
    List<EvaluationRow> evaluations(long studyId);

    /** A trial's per-episode diagnostics (losses …). */
    List<MetricRow> metrics(long trialId);

    /** The recorded rollouts of a trial (sampled evaluation and training episodes). */
    List<RolloutInfo> rollouts(long trialId);

    /** A rollout's frames as a JSON array (see {@link RolloutInfo}); empty if unknown. */
    Optional<String> rolloutFrames(long rolloutId);

    /** The installed plugins, if the host runs a plugin framework; empty when serving stored results only. */
    List<PluginRow> plugins();
}
