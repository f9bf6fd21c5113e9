package io.corrigo.reports.site;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site's files, read from the class path only: pages and assets under {@value #ROOT}, and Chart.js
 * from its WebJar. A request names a file by a flat name matched against {@link #NAME} (no slashes,
 * dots only before the extension, no escapes), so no request can reach outside the root, encoded or not.
 */
final class Assets {

    static final String ROOT = "io/corrigo/reports/site/web/";
    static final String CHART_JS = "vendor/chart.umd.js";
    static final String CHART_JS_RESOURCE = "META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";
    static final String ZOOM_JS = "vendor/chartjs-plugin-zoom.min.js";
    static final String ZOOM_JS_RESOURCE = "META-INF/resources/webjars/chartjs-plugin-zoom/2.2.0/dist/chartjs-plugin-zoom.min.js";
    static final String HAMMER_JS = "vendor/hammer.min.js";
    static final String HAMMER_JS_RESOURCE = "META-INF/resources/webjars/hammerjs/2.0.8/hammer.min.js";
    /** The vendored scripts, served by their flat names from their WebJars. */
    private static final Map<String, String> VENDOR = Map.of(CHART_JS, CHART_JS_RESOURCE, ZOOM_JS, ZOOM_JS_RESOURCE,
            HAMMER_JS, HAMMER_JS_RESOURCE);

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(js|css|html|svg|png|ico)");
    private static final Pattern ASSET_LINK = Pattern.compile("((?:src|href)=\")(/assets/[^\"?#]+)\"");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "html", "text/html; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** Serves {@code /assets/NAME}; 404 for anything that is not a known file name. */
    void asset(RoutingContext ctx) {
        String raw = ctx.request().path();
        String name = raw.startsWith("/assets/") ? raw.substring("/assets/".length()) : "";
        Optional<byte[]> bytes = isSafe(name) ? read(name) : Optional.empty();
        if (bytes.isEmpty()) {
            ctx.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8").end("404: no such file\n");
            return;
        }
        ctx.response().putHeader("Content-Type", TYPES.get(extension(name))).putHeader("Cache-Control", "no-cache")
                .end(Buffer.buffer(bytes.get()));
    }

    /** Serves a page, its asset links carrying {@code token} when the server has one. */
    void page(RoutingContext ctx, String file, Optional<String> token) {
        String html = text(file);
        if (token.isPresent()) {
            String query = "?token=" + URLEncoder.encode(token.get(), StandardCharsets.UTF_8);
            html = ASSET_LINK.matcher(html).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + query + "\""));
        }
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-store").end(html);
    }

    /** A site file as text; the file must exist. */
    String text(String name) {
        return new String(read(name).orElseThrow(() -> new IllegalStateException("missing site file " + name)),
                StandardCharsets.UTF_8);
    }

    static boolean isSafe(String name) {
        return VENDOR.containsKey(name) || NAME.matcher(name).matches();
    }

    /** A site file by its flat name; only files that exist are cached. */
    Optional<byte[]> read(String name) {
        byte[] cached = cache.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<byte[]> loaded = load(VENDOR.getOrDefault(name, ROOT + name));
        loaded.ifPresent(bytes -> cache.put(name, bytes));
        return loaded;
    }

    private static Optional<byte[]> load(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String extension(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
