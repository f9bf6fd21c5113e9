package io.corrigo.reports.site;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load helper: {@code clients} concurrent Server-Sent-Events clients on loopback, each
 * counting events until it sees {@code finalEvent}; stops by itself after {@code limit}. Usable for
 * larger soak runs later (raise {@code clients}); only ever targets the given loopback URI.
 */
final class SseLoad {

    /**
     * The outcome.
     *
     * @param clients        clients started
     * @param connected      clients that got the stream's hello
     * @param finished       clients that received the final event
     * @param fewestEvents   the smallest number of events any finished client received (hello excluded)
     * @param resyncs        resync events received in total
     */
    record Result(int clients, int connected, int finished, int fewestEvents, int resyncs) {
    }

    private SseLoad() {
    }

    /** Connects every client, runs {@code publish} once all are connected, waits for the final event. */
    static Result run(URI stream, int clients, Runnable publish, String finalEvent, Duration limit) throws InterruptedException {
        if (!"127.0.0.1".equals(stream.getHost()) && !"localhost".equals(stream.getHost())) {
            throw new IllegalArgumentException("load runs target loopback only: " + stream);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CountDownLatch connected = new CountDownLatch(clients);
        CountDownLatch finished = new CountDownLatch(clients);
        List<Listener> listeners = new ArrayList<>();
        List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Listener l = new Listener(finalEvent, connected, finished);
            listeners.add(l);
            calls.add(http.sendAsync(HttpRequest.newBuilder(stream).timeout(limit).GET().build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(l)));
        }
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            connected.await(limit.toMillis(), TimeUnit.MILLISECONDS);
            publish.run();
            finished.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } finally {
            listeners.forEach(Listener::cancel);
            calls.forEach(c -> c.cancel(true));
        }
        int fewest = listeners.stream().filter(l -> l.done).mapToInt(l -> l.events.get()).min().orElse(0);
        return new Result(clients, clients - (int) connected.getCount(), clients - (int) finished.getCount(), fewest,
                listeners.stream().mapToInt(l -> l.resyncs.get()).sum());
    }

    private static final class Listener implements Flow.Subscriber<String> {
        private final String finalEvent;
        private final CountDownLatch connected;
        private final CountDownLatch finished;
        private final AtomicInteger events = new AtomicInteger();
        private final AtomicInteger resyncs = new AtomicInteger();
        private volatile Flow.Subscription subscription;
        private volatile boolean done;

        Listener(String finalEvent, CountDownLatch connected, CountDownLatch finished) {
            this.finalEvent = finalEvent;
            this.connected = connected;
            this.finished = finished;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (!line.startsWith("event: ") || done) {
                return;
            }
            String type = line.substring("event: ".length());
            if (type.equals("hello")) {
                connected.countDown();
                return;
            }
            events.incrementAndGet();
            if (type.equals("resync")) {
                resyncs.incrementAndGet();
            }
            if (type.equals(finalEvent)) {
                done = true;
                finished.countDown();
                cancel();
            }
        }

        @Override
        public void onError(Throwable t) {
            // a cancelled stream ends here; the counts tell the outcome
        }

        @Override
        public void onComplete() {
            // the server ended the stream
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
