package io.corrigo.reports.site;

import io.corrigo.reports.data.LiveEvent;
import io.corrigo.reports.data.LiveFeed;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fans the host's {@link LiveFeed} out to the connected Server-Sent-Events clients. The feed's
 * listener runs on the publishing trial thread and only hands each event to the matching clients'
 * bounded queues ({@link EventClient#offer}); each client sends a heartbeat comment periodically.
 * Every event gets an id ({@code <server epoch>-<sequence>}); the last {@link #REPLAY} events are
 * kept, so a browser that reconnects with {@code Last-Event-ID} gets the ones it missed — or a
 * {@code resync} when they are no longer kept or the id is from another server.
 */
final class EventHub implements AutoCloseable {

    /** Events kept for clients that reconnect. */
    static final int REPLAY = 1024;

    /** An event with its id in this server's sequence. */
    record Sequenced(long sequence, LiveEvent event) {
    }

    private final String epoch = Long.toString(System.currentTimeMillis(), 36);
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.ArrayDeque<Sequenced> kept = new java.util.ArrayDeque<>();
    private final Vertx vertx;
    private final long heartbeatMillis;
    private final Set<EventClient> clients = ConcurrentHashMap.newKeySet();
    private final AutoCloseable subscription;

    EventHub(Vertx vertx, LiveFeed feed, long heartbeatMillis) {
        this.vertx = vertx;
        this.heartbeatMillis = heartbeatMillis;
        this.subscription = feed.subscribe(this::publish);
    }

    /** The feed's listener: returns at once and never throws into the publishing thread. */
    private void publish(LiveEvent event) {
        // one lock for numbering, keeping and handing out, so a reconnecting client's replay and its
        // joining the live stream cannot miss or repeat an event; offering never blocks
        synchronized (kept) {
            Sequenced sequenced = new Sequenced(sequence.incrementAndGet(), event);
            kept.addLast(sequenced);
            if (kept.size() > REPLAY) {
                kept.removeFirst();
            }
            for (EventClient client : clients) {
                try {
                    if (client.wants(event)) {
                        client.offer(sequenced);
                    }
                } catch (RuntimeException e) {
                    // the server is closing (its event loop refuses work): drop the client
                    client.closed();
                    clients.remove(client);
                }
            }
        }
    }

    /** Opens a stream for one study ({@code studyId} &ge; 0) or for every study (negative); event loop. */
    void open(RoutingContext ctx, long studyId) {
        Context context = vertx.getOrCreateContext();
        EventClient client = new EventClient(ctx.response(), context, studyId, epoch);
        long timer = vertx.setPeriodic(heartbeatMillis, id -> client.heartbeat());
        Runnable closed = () -> {
            client.closed();
            clients.remove(client);
            vertx.cancelTimer(timer);
        };
        ctx.response().closeHandler(v -> closed.run());
        ctx.response().exceptionHandler(e -> closed.run());
        String last = ctx.request().getHeader("Last-Event-ID");
        synchronized (kept) {
            // under the publishing lock: no event can slip between the hello (which tells the browser
            // it is connected), the replay and the client joining the live stream
            client.open();
            if (last != null) {
                replay(client, last);
            }
            clients.add(client);
        }
    }

    /** Sends {@code client} the kept events after {@code lastId}, or a resync if they cannot be told. */
    private void replay(EventClient client, String lastId) {
        int dash = lastId.lastIndexOf('-');
        long after = -1;
        if (dash > 0 && lastId.substring(0, dash).equals(epoch)) {
            try {
                after = Long.parseLong(lastId.substring(dash + 1));
            } catch (NumberFormatException e) {
                after = -1;
            }
        }
        long oldestKept = kept.isEmpty() ? sequence.get() + 1 : kept.peekFirst().sequence();
        if (after < 0 || after + 1 < oldestKept || after > sequence.get()) {
            client.owesResync(after < 0 || after > sequence.get() ? "the last event id is from another server"
                    : "the events since the last id are no longer kept");
            return;
        }
        for (Sequenced e : kept) {
            if (e.sequence() > after && client.wants(e.event())) {
                client.offer(e);
            }
        }
    }

    /** The connected clients (for tests and diagnostics). */
    List<EventClient> clients() {
        return List.copyOf(clients);
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot unsubscribe from the live feed: " + e, e);
        }
        clients.forEach(EventClient::closed);
        clients.clear();
    }
}
