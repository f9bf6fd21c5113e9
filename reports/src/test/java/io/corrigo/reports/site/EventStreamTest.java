package io.corrigo.reports.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Server-Sent Events over real HTTP on loopback: delivery, bounded queues with resync, heartbeats, load. */
@Epic("Reports")
@Feature("Live updates")
@Timeout(120)
class EventStreamTest {

    private MemoryFeed feed;
    private ReportServer server;

    @BeforeEach
    void start() {
        feed = new MemoryFeed();
        server = ReportServer.start(DemoStudies.create(), feed, ReportServer.Options.defaults(), 200, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersNotFoundForTheEventsOfAStudyThatDoesNotExist() {
        assertThat(Http.get(server.url() + "api/studies/999/events").statusCode()).isEqualTo(404);
        assertThat(Http.get(server.url() + "api/studies/x/events").statusCode()).isEqualTo(400);
        assertThat(server.events().clients()).isEmpty();
    }

    @Test
    void deliversTheEventsOfItsStudyOnly() throws IOException {
        try (Socket socket = open("/api/studies/2/events")) {
            BufferedReader in = reader(socket);
            List<String> head = readUntil(in, "event: hello");
            assertThat(head.get(0)).isEqualTo("HTTP/1.1 200 OK");
            assertThat(head).anyMatch(h -> h.equalsIgnoreCase("content-type: text/event-stream; charset=utf-8"));
            assertThat(head).anyMatch(h -> h.equalsIgnoreCase("transfer-encoding: chunked"));
            feed.publish("evaluation", 1, "{\"trialId\":11}");
            feed.publish("evaluation", 2, "{\"trialId\":21,\"episode\":5}");
            feed.publish("trial-finished", 2, "{\"trialId\":21}");
            List<String> lines = readUntil(in, "event: trial-finished");
            assertThat(lines).contains("event: evaluation", "data: {\"trialId\":21,\"episode\":5}")
                    .doesNotContain("data: {\"trialId\":11}");
        }
    }

    @Test
    void everyEventHasAnIdAndAReconnectWithLastEventIdGetsOnlyWhatItMissed() throws IOException {
        String lastSeen;
        try (Socket socket = open("/api/studies/2/events")) {
            BufferedReader in = reader(socket);
            readUntil(in, "event: hello");
            feed.publish("episode", 2, "{\"episode\":1}");
            List<String> first = readUntil(in, "data: {\"episode\":1}");
            lastSeen = first.stream().filter(l -> l.startsWith("id: ")).reduce((a, b) -> b).orElseThrow().substring(4);
            assertThat(lastSeen).matches("[0-9a-z]+-\\d+");
        }
        feed.publish("episode", 2, "{\"episode\":2}");   // while the browser was away
        feed.publish("episode", 1, "{\"episode\":99}");  // another study's
        feed.publish("episode", 2, "{\"episode\":3}");
        try (Socket socket = open("/api/studies/2/events", "Last-Event-ID: " + lastSeen)) {
            List<String> lines = readUntil(reader(socket), "data: {\"episode\":3}");
            assertThat(lines).contains("data: {\"episode\":2}").doesNotContain("data: {\"episode\":1}",
                    "data: {\"episode\":99}", "event: resync");
        }
        try (Socket socket = open("/api/studies/2/events", "Last-Event-ID: otherserver-5")) {
            assertThat(readUntil(reader(socket), "event: resync")).contains("event: hello");
        }
    }

    @Test
    void theWholeSiteStreamCarriesEveryStudy() throws IOException {
        try (Socket socket = open("/api/events")) {
            BufferedReader in = reader(socket);
            readUntil(in, "event: hello");
            feed.publish("trial-started", 1, "{\"trialId\":11}");
            feed.publish("study-finished", 2, "{\"state\":\"finished\"}");
            assertThat(readUntil(in, "event: study-finished")).contains("data: {\"trialId\":11}");
        }
    }

    @Test
    void aClientThatNeverReadsNeitherBlocksThePublisherNorGrowsWithoutBound() throws IOException {
        String payload = "{\"trialId\":21,\"pad\":\"" + "x".repeat(4_000) + "\"}";
        int published = 10_000;
        try (Socket socket = open("/api/studies/2/events")) {
            awaitClients(1);
            // ~40 MB towards a socket nobody reads: publish must return, the queue stays bounded
            for (int i = 0; i < published; i++) {
                feed.publish("evaluation", 2, payload);
            }
            EventClient client = server.events().clients().get(0);
            assertThat(client.overflows()).isPositive();
            assertThat(client.queued()).isLessThanOrEqualTo(EventClient.QUEUE);
            feed.publish("study-finished", 2, "{\"state\":\"finished\"}");
            // once the browser reads again it is told to resync, after far less than was published
            Map<String, Long> seen = new Scanner(socket.getInputStream()).scan("event: resync", "event: study-finished");
            assertThat(seen.get("event: resync")).isLessThan((long) published * payload.length() / 2);
        }
    }

    @Test
    void sendsHeartbeatsSoDeadClientsAreNoticed() throws IOException {
        try (Socket socket = open("/api/studies/1/events")) {
            assertThat(readUntil(reader(socket), ": heartbeat")).contains(": heartbeat");
        }
        awaitClients(0);
        assertThat(server.events().clients()).isEmpty();
    }

    @Test
    void closingTheServerUnsubscribesFromTheFeed() {
        assertThat(feed.listeners()).isEqualTo(1);
        server.close();
        assertThat(feed.listeners()).isZero();
        server = ReportServer.start(DemoStudies.create(), feed, ReportServer.Options.defaults());
    }

    @Test
    void manyConcurrentClientsEachReceiveTheFinalEvent() throws InterruptedException {
        URI stream = URI.create(server.url() + "api/studies/2/events");
        SseLoad.Result result = SseLoad.run(stream, 40, () -> {
            for (int i = 0; i < 100; i++) {
                feed.publish("episode", 2, "{\"trialId\":21,\"episode\":" + i + ",\"episodes\":100}");
            }
            feed.publish("study-finished", 2, "{\"state\":\"finished\"}");
        }, "study-finished", Duration.ofSeconds(60));
        assertThat(result.connected()).isEqualTo(40);
        assertThat(result.finished()).isEqualTo(40);
        assertThat(result.fewestEvents()).isEqualTo(101);
        assertThat(result.resyncs()).isZero();
    }

    private Socket open(String path, String... headers) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nAccept: text/event-stream\r\n"
                + String.join("", java.util.Arrays.stream(headers).map(h -> h + "\r\n").toList()) + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Lines up to and including {@code last}; the socket timeout bounds the wait. */
    private static List<String> readUntil(BufferedReader in, String last) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            lines.add(line);
            if (line.equals(last)) {
                return lines;
            }
        }
        throw new IOException("stream ended before '" + last + "': " + lines);
    }

    /** Reads a raw stream until it has seen every marker, bounded in time (heartbeats defeat socket timeouts). */
    private static final class Scanner {
        private final InputStream in;

        Scanner(InputStream in) {
            this.in = in;
        }

        /** The bytes read by the time each marker had been seen; fails if one never comes. */
        Map<String, Long> scan(String... markers) throws IOException {
            Map<String, Long> seen = new HashMap<>();
            byte[] buffer = new byte[65_536];
            String window = "";
            long bytes = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (seen.size() < markers.length && System.nanoTime() < deadline) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                bytes += n;
                window = window.substring(Math.max(0, window.length() - 64)) + new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                for (String marker : markers) {
                    if (!seen.containsKey(marker) && window.contains(marker)) {
                        seen.put(marker, bytes);
                    }
                }
            }
            if (seen.size() < markers.length) {
                throw new IOException("saw only " + seen.keySet() + " in " + bytes + " bytes");
            }
            return seen;
        }
    }

    private void awaitClients(int count) {
        await(() -> server.events().clients().size() == count);
    }

    private static void await(BooleanSupplier condition) {
        for (int i = 0; i < 3_000 && !condition.getAsBoolean(); i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
