package io.corrigo.reports.site;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corrigo.reports.data.StudyDetail;
import io.corrigo.reports.data.StudyRow;
import io.corrigo.reports.data.TrialRow;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;

/** The study list, and one study with its trials and progress (counts, episodes, elapsed time, ETA). */
final class StudyView {

    static final String ETA_RULE = "ETA: remaining training episodes x elapsed time / episodes done so far";

    private StudyView() {
    }

    /**
     * The study runs, newest first, each with its description, design (environments × feedback ×
     * learners × seeds) and wall time (to now while running) from {@code details}.
     */
    static Reply studies(List<StudyRow> studies, Function<Long, Optional<StudyDetail>> details, Instant now) {
        ArrayNode list = Json.array();
        Table.Builder table = Table.of("id", "name", "description", "state", "device", "cells", "seeds", "trialsTotal",
                "trialsDone", "trialsRunning", "trialsFailed", "createdAt", "finishedAt", "wallSeconds");
        for (StudyRow s : studies) {
            Optional<StudyDetail> d = details.apply(s.id());
            String description = d.map(x -> Json.parse(x.manifestJson()).path("study").path("description").asText(""))
                    .orElse("");
            int cells = d.map(x -> x.environments().size() * x.feedback().size() * x.learners().size()).orElse(0);
            int seeds = d.map(x -> x.seeds().size()).orElse(0);
            Double wall = wallSeconds(s, now);
            ObjectNode n = row(s).put("description", description).put("cells", cells).put("seeds", seeds);
            if (d.isPresent()) {
                n.put("design", d.get().environments().size() + " env × " + d.get().feedback().size() + " feedback × "
                        + d.get().learners().size() + " learners × " + seeds + " seeds");
            }
            n.put("wallSeconds", wall);
            list.add(n);
            table.row(s.id(), s.name(), description, s.state(), s.device(), cells, seeds, s.trialsTotal(), s.trialsDone(),
                    s.trialsRunning(), s.trialsFailed(), s.createdAt(), s.finishedAt(), wall);
        }
        return new Reply(Json.object().set("studies", list), table.build());
    }

    /** Seconds from start to end (to {@code now} while running); null when a time is missing or unreadable. */
    private static Double wallSeconds(StudyRow s, Instant now) {
        try {
            Instant start = Instant.parse(s.createdAt());
            Instant end = s.finishedAt() == null || s.finishedAt().isEmpty()
                    ? ("running".equals(s.state()) ? now : null) : Instant.parse(s.finishedAt());
            return end == null ? null : Math.max(0, java.time.Duration.between(start, end).toMillis() / 1000.0);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Reply study(StudySnapshot study, Instant now) {
        StudyDetail d = study.detail();
        ObjectNode s = row(d.study()).put("source", d.source()).put("specYaml", d.specYaml()).put("episodes", d.episodes());
        s.set("manifest", Json.parse(d.manifestJson()));
        s.set("environments", Json.MAPPER.valueToTree(d.environments()));
        s.set("feedback", Json.MAPPER.valueToTree(d.feedback()));
        s.set("learners", Json.MAPPER.valueToTree(d.learners()));
        s.set("seeds", Json.MAPPER.valueToTree(d.seeds()));
        ObjectNode root = Json.object();
        root.set("study", s);
        root.set("progress", progress(d, study.trials(), now));
        ArrayNode trials = root.putArray("trials");
        Table.Builder table = Table.of("id", "key", "environment", "feedback", "learner", "seed", "state", "episodesDone",
                "wallMillis", "envSteps", "feedbackEvents", "teacherSteps", "takeovers", "error");
        for (TrialRow t : study.trials()) {
            trials.add(trial(t));
            table.row(t.id(), t.key(), t.environment(), t.feedback(), t.learner(), t.seed(), t.state(), t.episodesDone(),
                    t.wallMillis(), t.envSteps(), t.feedbackEvents(), t.teacherSteps(), t.takeovers(), text(t.error()));
        }
        return new Reply(root, table.build());
    }

    /** Trial counts by state, training episodes done of planned, elapsed seconds and, while running, an ETA. */
    static ObjectNode progress(StudyDetail d, List<TrialRow> trials, Instant now) {
        int total = Math.max(d.study().trialsTotal(), trials.size());
        int failed = count(trials, "failed");
        long done = trials.stream().mapToLong(t -> t.state().equals("done") ? d.episodes() : t.episodesDone()).sum();
        long planned = (long) d.episodes() * (total - failed)
                + trials.stream().filter(t -> t.state().equals("failed")).mapToLong(TrialRow::episodesDone).sum();
        ObjectNode p = Json.object().put("trialsTotal", total).put("done", count(trials, "done"))
                .put("running", count(trials, "running")).put("failed", failed)
                .put("pending", total - count(trials, "done") - count(trials, "running") - failed
                        - count(trials, "cancelled"))
                .put("cancelled", count(trials, "cancelled")).put("episodesDone", done).put("episodesTotal", planned);
        Json.put(p, "fraction", planned > 0 ? Math.min(1.0, (double) done / planned) : Double.NaN);
        Optional<Instant> start = instant(d.study().createdAt());
        Instant end = instant(d.study().finishedAt()).orElse(now);
        double elapsed = start.map(s -> Duration.between(s, end).toMillis() / 1000.0).orElse(Double.NaN);
        Json.put(p, "elapsedSeconds", elapsed);
        boolean running = "running".equals(d.study().state());
        Json.put(p, "etaSeconds", running && done > 0 && Double.isFinite(elapsed)
                ? elapsed * (planned - done) / done : Double.NaN);
        return p.put("etaRule", ETA_RULE);
    }

    private static ObjectNode row(StudyRow s) {
        return Json.object().put("id", s.id()).put("name", s.name()).put("state", s.state()).put("device", s.device())
                .put("trialsTotal", s.trialsTotal()).put("trialsDone", s.trialsDone())
                .put("trialsRunning", s.trialsRunning()).put("trialsFailed", s.trialsFailed())
                .put("createdAt", text(s.createdAt())).put("finishedAt", text(s.finishedAt()));
    }

    static ObjectNode trial(TrialRow t) {
        ObjectNode n = Json.object().put("id", t.id()).put("studyId", t.studyId()).put("key", t.key())
                .put("environment", t.environment()).put("feedback", t.feedback()).put("learner", t.learner())
                .put("seed", t.seed()).put("state", t.state()).put("error", text(t.error()))
                .put("episodesDone", t.episodesDone()).put("wallMillis", t.wallMillis()).put("envSteps", t.envSteps())
                .put("feedbackEvents", t.feedbackEvents()).put("teacherSteps", t.teacherSteps())
                .put("takeovers", t.takeovers());
        n.set("notes", Json.parse(t.notesJson()));
        return n;
    }

    private static Optional<Instant> instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(iso).toInstant());
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    private static int count(List<TrialRow> trials, String state) {
        return (int) trials.stream().filter(t -> t.state().equals(state)).count();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
