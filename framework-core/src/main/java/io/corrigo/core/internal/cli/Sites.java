package io.corrigo.core.internal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.corrigo.core.internal.osgi.OsgiPluginRegistry;
import io.corrigo.reports.data.LiveFeed;
import io.corrigo.reports.data.PluginRow;
import io.corrigo.reports.data.ReportData;
import io.corrigo.reports.site.ReportServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Starts the report site for the commands that serve it, and builds its links. */
final class Sites {

    private Sites() {
    }

    /** Starts the site; tries the default port first unless one was given; generates a token for non-loopback hosts. */
    static ReportServer start(ReportData data, LiveFeed feed, ReportOptions options) {
        Optional<String> token = Optional.ofNullable(options.token);
        if (token.isEmpty() && !isLoopback(options.host)) {
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            token = Optional.of(HexFormat.of().formatHex(secret));
            System.err.println("The report site binds to " + options.host + ", so every request needs a token; generated one.");
        }
        ReportServer.Options o = new ReportServer.Options(options.host, options.port != null ? options.port
                : ReportOptions.DEFAULT_PORT, token);
        try {
            return ReportServer.start(data, feed, o);
        } catch (IllegalStateException e) {
            if (options.port != null) {
                throw new UserInputException("cannot serve the report site on " + options.host + ":" + options.port + ": "
                        + e.getMessage() + ". Choose another --port (0 = any free port).");
            }
            return ReportServer.start(data, feed, o.withPort(0));
        }
    }

    /** The study page of run {@code studyId}. */
    static String studyUrl(ReportServer server, long studyId) {
        String base = server.url();
        int q = base.indexOf('?');
        return q < 0 ? base + "study?id=" + studyId : base.substring(0, q) + "study?id=" + studyId + "&" + base.substring(q + 1);
    }

    /** The installed plugins as the site lists them. */
    static Supplier<List<PluginRow>> plugins(PluginListing listing, OsgiPluginRegistry registry, ObjectMapper mapper) {
        return () -> listing.rows(registry).stream().map(r -> new PluginRow(r.id(), r.kind(), r.bundle(), r.version(),
                r.problem().map(p -> "PROBLEM: " + p).or(() -> r.warning().map(w -> "WARNING: " + w)).orElse(r.state()), r.description(), json(mapper, r.defaults()))).toList();
    }

    private static String json(ObjectMapper mapper, Object value) {
        try {
            return value == null ? "{}" : mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "{}";
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
