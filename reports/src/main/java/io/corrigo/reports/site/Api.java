package io.corrigo.reports.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corrigo.reports.data.ReportData;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The JSON API under {@code /api}; every table also as CSV with {@code ?format=csv}. Handlers run on
 * worker threads (the host's {@link ReportData} may block); the statistics of a study are cached until
 * its trials or evaluation points change.
 */
final class Api {

    private static final Map<String, String> ENDPOINTS = endpoints();

    private record Key(String view, long studyId, String parameter, int fingerprint) {
    }

    private final ReportData data;
    private final Clock clock;
    private final Map<Key, Reply> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Reply> eldest) {
            return size() > 64;
        }
    };

    Api(ReportData data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    void register(Router router, EventHub events) {
        router.get("/api").handler(ctx -> json(ctx, index()));
        get(router, "/api/studies", ctx -> Optional.of(StudyView.studies(data.studies(), data::study, clock.instant())));
        get(router, "/api/studies/:id", ctx -> snapshot(ctx).map(s -> StudyView.study(s, clock.instant())));
        get(router, "/api/studies/:id/matrix", ctx -> snapshot(ctx).map(s -> cached("matrix", s, "", () -> MatrixView.of(s))));
        get(router, "/api/studies/:id/curves", ctx -> snapshot(ctx).map(s -> cached("curves", s, "", () -> CurvesView.of(s))));
        get(router, "/api/studies/:id/aggregate", ctx -> snapshot(ctx).map(s -> {
            Optional<String> baseline = Optional.ofNullable(ctx.request().getParam("baseline"));
            return cached("aggregate", s, baseline.orElse(""), () -> AggregateView.of(s, baseline));
        }));
        router.get("/api/studies/:id/events").handler(ctx -> {
            long id;
            try {
                id = id(ctx);
            } catch (IllegalArgumentException e) {
                error(ctx, 400, e.getMessage());
                return;
            }
            // the store is read off the event loop; the stream opens back on it
            ctx.vertx().executeBlocking(() -> data.study(id).isPresent(), false).onComplete(known -> {
                if (known.failed()) {
                    error(ctx, 500, known.cause().toString());
                } else if (!known.result()) {
                    error(ctx, 404, "no study run " + id + ": " + ctx.request().path());
                } else {
                    events.open(ctx, id);
                }
            });
        });
        router.get("/api/events").handler(ctx -> events.open(ctx, -1));
        get(router, "/api/trials/:id", ctx -> TrialView.trial(data, id(ctx)));
        get(router, "/api/trials/:id/metrics", ctx -> TrialView.metrics(data, id(ctx)));
        get(router, "/api/trials/:id/rollouts", ctx -> TrialView.rollouts(data, id(ctx)));
        router.get("/api/rollouts/:id").blockingHandler(this::rollout, false);
        router.get("/api/studies/:id/figures.zip").blockingHandler(this::figures, false);
        get(router, "/api/plugins", ctx -> Optional.of(TrialView.plugins(data.plugins())));
        get(router, "/api/compare", ctx -> {
            Optional<StudySnapshot> a = StudySnapshot.read(data, query(ctx, "a"));
            Optional<StudySnapshot> b = StudySnapshot.read(data, query(ctx, "b"));
            return a.isPresent() && b.isPresent() ? Optional.of(CompareView.of(a.get(), b.get())) : Optional.empty();
        });
    }

    private void get(Router router, String path, Function<RoutingContext, Optional<Reply>> view) {
        router.get(path).blockingHandler(ctx -> {
            try {
                Optional<Reply> reply = view.apply(ctx);
                if (reply.isEmpty()) {
                    error(ctx, 404, "not found: " + ctx.request().path());
                } else if ("csv".equals(ctx.request().getParam("format"))) {
                    ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                            .putHeader("Content-Disposition", "attachment; filename=\"" + fileName(ctx) + ".csv\"")
                            .putHeader("Cache-Control", "no-store").end(reply.get().table().csv());
                } else {
                    json(ctx, reply.get().json());
                }
            } catch (IllegalArgumentException e) {
                error(ctx, 400, e.getMessage());
            } catch (RuntimeException e) {
                error(ctx, 500, e.toString());
            }
        }, false);
    }

    /** The study's figures ({@link Figures}: SVG, PDF and PNG) in one zip, drawn on request. */
    private void figures(RoutingContext ctx) {
        try {
            long id = id(ctx);
            if (StudySnapshot.read(data, id).isEmpty()) {
                error(ctx, 404, "not found: " + ctx.request().path());
                return;
            }
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("corrigo-figures");
            try {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
                    for (java.nio.file.Path f : Figures.write(data, id, dir)) {
                        zip.putNextEntry(new java.util.zip.ZipEntry(f.getFileName().toString()));
                        java.nio.file.Files.copy(f, zip);
                        zip.closeEntry();
                    }
                }
                ctx.response().putHeader("Content-Type", "application/zip")
                        .putHeader("Content-Disposition", "attachment; filename=\"study-" + id + "-figures.zip\"")
                        .putHeader("Cache-Control", "no-store").end(io.vertx.core.buffer.Buffer.buffer(bytes.toByteArray()));
            } finally {
                try (var files = java.nio.file.Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IllegalArgumentException e) {
            error(ctx, 400, e.getMessage());
        } catch (java.io.IOException | RuntimeException e) {
            error(ctx, 500, e.toString());
        }
    }

    private void rollout(RoutingContext ctx) {
        try {
            Optional<String> frames = data.rolloutFrames(id(ctx));
            if (frames.isEmpty()) {
                error(ctx, 404, "not found: " + ctx.request().path());
            } else {
                ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                        .putHeader("Cache-Control", "no-store").end(frames.get());
            }
        } catch (IllegalArgumentException e) {
            error(ctx, 400, e.getMessage());
        }
    }

    private Optional<StudySnapshot> snapshot(RoutingContext ctx) {
        return StudySnapshot.read(data, id(ctx));
    }

    private Reply cached(String view, StudySnapshot study, String parameter, Supplier<Reply> compute) {
        Key key = new Key(view, study.id(), parameter, study.fingerprint());
        synchronized (cache) {
            Reply reply = cache.get(key);
            if (reply != null) {
                return reply;
            }
        }
        Reply reply = compute.get();
        synchronized (cache) {
            cache.put(key, reply);
        }
        return reply;
    }

    /** A study id from the query ({@code ?a=1&b=2}). */
    private static long query(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        if (v == null) {
            throw new IllegalArgumentException("missing ?" + name + "=<study run id> (e.g. /api/compare?a=1&b=2)");
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("?" + name + "=" + v + " is not a study run id");
        }
    }

    private static long id(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an id: '" + id + "'");
        }
    }

    private static String fileName(RoutingContext ctx) {
        return ctx.request().path().substring("/api/".length()).replaceAll("[^A-Za-z0-9]+", "-");
    }

    private static void json(RoutingContext ctx, JsonNode node) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
                .end(Json.write(node));
    }

    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Json.write(Json.object().put("status", status).put("error", message)));
    }

    private static ObjectNode index() {
        ObjectNode root = Json.object().put("csv", "add ?format=csv to any table endpoint")
                .put("auth", "when the server has a token: ?token=TOKEN or 'Authorization: Bearer TOKEN'");
        ObjectNode list = root.putObject("endpoints");
        ENDPOINTS.forEach(list::put);
        return root;
    }

    private static Map<String, String> endpoints() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("/api/studies", "study runs, newest first");
        m.put("/api/studies/{id}", "a study: spec, manifest, trials, progress with ETA");
        m.put("/api/studies/{id}/matrix", "learners x (environment, feedback): success, intervals, final, best, seeds");
        m.put("/api/studies/{id}/curves", "success vs episodes and vs human effort, mean over seeds with a band");
        m.put("/api/studies/{id}/aggregate?baseline=LEARNER", "IQM, mean, P(improvement), performance profiles");
        m.put("/api/studies/{id}/events", "Server-Sent Events of a running study (resync = re-read the API)");
        m.put("/api/events", "Server-Sent Events of every study");
        m.put("/api/trials/{id}", "a trial: evaluations, metrics, effort, notes, failure, rollouts");
        m.put("/api/trials/{id}/metrics", "a trial's per-episode diagnostics (losses ...)");
        m.put("/api/trials/{id}/rollouts", "a trial's recorded rollouts");
        m.put("/api/rollouts/{id}", "a rollout's frames (JSON array)");
        m.put("/api/studies/{id}/figures.zip", "the study's learning curves and matrix as SVG, PDF and PNG (./corrigo figures)");
        m.put("/api/compare?a={id}&b={id}", "two study runs: their study texts diffed, each condition's final success in"
                + " both with intervals, and the difference B - A with its interval");
        m.put("/api/plugins", "installed plugins with their configuration defaults");
        return Collections.unmodifiableMap(m);
    }
}
