package io.corrigo.reports.site;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The first handler of every request: security headers; with a token, the token ({@code ?token=} or
 * {@code Authorization: Bearer}) or 401; without one (loopback only), a Host header naming a
 * loopback address (any port, so SSH tunnels work), which defeats DNS rebinding from web pages.
 */
final class Access implements Handler<RoutingContext> {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    private final Optional<byte[]> token;
    private final List<String> hosts;
    private final IntSupplier port;

    /** {@code host} is the bound address, accepted in Host headers next to the loopback names. */
    Access(Optional<String> token, String host, IntSupplier port) {
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
        String bound = host.contains(":") ? "[" + host + "]" : host;
        this.hosts = List.of("127.0.0.1", "localhost", "[::1]", bound.toLowerCase(Locale.ROOT));
        this.port = port;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Frame-Options", "DENY").putHeader("Content-Security-Policy", CSP);
        if (token.isPresent()) {
            if (!MessageDigest.isEqual(token.get(), presented(ctx.request()).getBytes(StandardCharsets.UTF_8))) {
                ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"corrigo\"")
                        .putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end("401: this report server needs its token: open the URL it printed (…?token=…)"
                                + " or send 'Authorization: Bearer TOKEN'.\n");
                return;
            }
        } else if (!loopbackHost(ctx.request().getHeader("Host"))) {
            ctx.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("403: unexpected Host header; open the site at http://127.0.0.1:" + port.getAsInt() + "/\n");
            return;
        }
        ctx.next();
    }

    private static String presented(HttpServerRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        String query = request.getParam("token");
        return query == null ? "" : query;
    }

    private boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        String name = colon > h.lastIndexOf(']') ? h.substring(0, colon) : h;
        return hosts.contains(name);
    }
}
