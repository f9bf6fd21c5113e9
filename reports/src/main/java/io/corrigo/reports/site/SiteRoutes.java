package io.corrigo.reports.site;

import io.corrigo.reports.data.ReportData;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.Optional;
import java.util.function.IntSupplier;

/** The site's routes: access control first, then the API, the assets and the four pages. */
final class SiteRoutes {

    private SiteRoutes() {
    }

    static Router router(Vertx vertx, ReportData data, EventHub events, String host, Optional<String> token, Clock clock,
                         IntSupplier port) {
        Router router = Router.router(vertx);
        router.route().handler(new Access(token, host, port));
        new Api(data, clock).register(router, events);
        Assets assets = new Assets();
        router.get("/assets/*").handler(assets::asset);
        router.get("/").handler(ctx -> assets.page(ctx, "index.html", token));
        router.get("/study").handler(ctx -> assets.page(ctx, "study.html", token));
        router.get("/trial").handler(ctx -> assets.page(ctx, "trial.html", token));
        router.get("/plugins").handler(ctx -> assets.page(ctx, "plugins.html", token));
        router.get("/compare").handler(ctx -> assets.page(ctx, "compare.html", token));
        return router;
    }
}
