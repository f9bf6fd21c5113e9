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
 */
final class EventHub implements AutoCloseable {

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
        for (EventClient client : clients) {
            try {
                if (client.wants(event)) {
                    client.offer(event);
                }
            } catch (RuntimeException e) {
                // the server is closing (its event loop refuses work): drop the client
                client.closed();
                clients.remove(client);
            }
        }
    }

    /** Opens a stream for one study ({@code studyId} &ge; 0) or for every study (negative); event loop. */
    void open(RoutingContext ctx, long studyId) {
        Context context = vertx.getOrCreateContext();
        EventClient client = new EventClient(ctx.response(), context, studyId);
        long timer = vertx.setPeriodic(heartbeatMillis, id -> client.heartbeat());
        Runnable closed = () -> {
            client.closed();
            clients.remove(client);
            vertx.cancelTimer(timer);
        };
        ctx.response().closeHandler(v -> closed.run());
        ctx.response().exceptionHandler(e -> closed.run());
        clients.add(client);
        client.open();
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
