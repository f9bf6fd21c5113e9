package io.corrigo.reports.site;

import io.corrigo.reports.data.LiveFeed;
import io.corrigo.reports.data.ReportData;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * The live report site: pages, a JSON/CSV API under {@code /api} and Server-Sent Events, on a Vert.x
 * server of its own. Started by the host; {@link #close()} stops it and its threads.
 *
 * <p>Bound to loopback by default. Any other address requires a token, which every request must then
 * carry ({@code ?token=} or {@code Authorization: Bearer}); {@link #url()} includes it.
 */
public final class ReportServer implements AutoCloseable {

    /** Heartbeat interval of the event streams. */
    static final long HEARTBEAT_MILLIS = 15_000;

    /**
     * Where and how to listen.
     *
     * @param host  address to bind, default {@code 127.0.0.1}; a non-loopback address needs a token
     * @param port  TCP port, 0 for any free port
     * @param token the secret every request must carry, if any
     */
    public record Options(String host, int port, Optional<String> token) {

        public Options {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be in 0..65535 but was " + port);
            }
            if (token == null || token.isPresent() && token.get().isBlank()) {
                throw new IllegalArgumentException("token must be absent or non-blank");
            }
        }

        /** Loopback, any free port, no token. */
        public static Options defaults() {
            return new Options("127.0.0.1", 0, Optional.empty());
        }

        public Options withHost(String newHost) {
            return new Options(newHost, port, token);
        }

        public Options withPort(int newPort) {
            return new Options(host, newPort, token);
        }

        public Options withToken(String newToken) {
            return new Options(host, port, Optional.of(newToken));
        }
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final EventHub events;
    private final Options options;

    private ReportServer(Vertx vertx, HttpServer server, EventHub events, Options options) {
        this.vertx = vertx;
        this.server = server;
        this.events = events;
        this.options = options;
    }

    /**
     * Starts the site and returns once it listens.
     *
     * @throws IllegalArgumentException for a non-loopback host without a token
     * @throws IllegalStateException    when the address cannot be bound
     */
    public static ReportServer start(ReportData data, LiveFeed feed, Options options) {
        return start(data, feed, options, HEARTBEAT_MILLIS, Clock.systemUTC());
    }

    static ReportServer start(ReportData data, LiveFeed feed, Options options, long heartbeatMillis, Clock clock) {
        if (options.token().isEmpty() && !isLoopback(options.host())) {
            throw new IllegalArgumentException("refusing to serve on " + options.host()
                    + " without a token: only loopback addresses may be served without one");
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(4)
                .setFileSystemOptions(new FileSystemOptions().setClassPathResolvingEnabled(false).setFileCachingEnabled(false)));
        EventHub events = null;
        try {
            events = new EventHub(vertx, feed, heartbeatMillis);
            HttpServer[] bound = new HttpServer[1];
            Router router = SiteRoutes.router(vertx, data, events, options.host(), options.token(), clock,
                    () -> bound[0] == null ? options.port() : bound[0].actualPort());
            bound[0] = vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port()))
                    .requestHandler(router).listen().await();
            return new ReportServer(vertx, bound[0], events, options);
        } catch (Exception e) {
            // Future.await() rethrows a failed bind's java.net.BindException unchecked-style: catch it too
            if (events != null) {
                events.close();
            }
            vertx.close().await();
            throw new IllegalStateException("cannot serve the report site on " + options.host() + ":" + options.port()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The site's address, with the token when there is one, e.g. {@code http://127.0.0.1:41234/}. */
    public String url() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + host + ":" + port() + "/"
                + options.token().map(t -> "?token=" + URLEncoder.encode(t, StandardCharsets.UTF_8)).orElse("");
    }

    /**
     * A fresh random token (192 bits, URL-safe Base64) for a server that must be reachable from other
     * machines; the caller passes it in {@link Options#withToken} and shows {@link #url()}.
     */
    public static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The bound port. */
    public int port() {
        return server.actualPort();
    }

    /** The connected event-stream clients (tests). */
    EventHub events() {
        return events;
    }

    /** Stops listening, ends the event streams and the server's threads; waits until done. */
    @Override
    public void close() {
        events.close();
        try {
            server.close().await();
        } finally {
            vertx.close().await();
        }
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
