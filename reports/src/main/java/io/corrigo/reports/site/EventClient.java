package io.corrigo.reports.site;

import io.corrigo.reports.data.LiveEvent;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Server-Sent-Events connection. The publishing (trial) thread only {@link #offer}s into a bounded
 * queue and schedules a drain; the drain runs on the connection's event loop and writes while the
 * socket accepts data. When the queue overflows it is dropped and the client gets a {@code resync}
 * event instead, so a slow or dead browser costs the publisher nothing and memory stays bounded.
 */
final class EventClient {

    /** Events buffered per client before they are dropped for a {@code resync}. */
    static final int QUEUE = 256;
    /** Heartbeats in a row that find the socket still full before the connection is closed. */
    static final int STALLED_BEATS = 4;

    private final HttpServerResponse response;
    private final Context context;
    private final long studyId;
    private final ArrayBlockingQueue<EventHub.Sequenced> queue = new ArrayBlockingQueue<>(QUEUE);
    private final String epoch;
    private volatile String resyncReason = "events dropped: the client fell behind";
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong resyncs = new AtomicLong();
    private final AtomicLong overflows = new AtomicLong();
    private volatile boolean closed;
    private int stalledBeats;

    /** A client of one study, or of every study when {@code studyId} is negative; call on its event loop. */
    EventClient(HttpServerResponse response, Context context, long studyId, String epoch) {
        this.response = response;
        this.context = context;
        this.studyId = studyId;
        this.epoch = epoch;
    }

    boolean wants(LiveEvent event) {
        return !closed && (studyId < 0 || event.studyId() == studyId);
    }

    /** Owes the client a {@code resync} event saying {@code reason} (a reconnect the hub cannot fill in). */
    void owesResync(String reason) {
        resyncReason = reason;
        overflowed.set(true);
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    /** Any thread; never blocks: a full queue is cleared and a resync owed. */
    void offer(EventHub.Sequenced event) {
        if (!queue.offer(event)) {
            queue.clear();
            resyncReason = "events dropped: the client fell behind";
            overflowed.set(true);
            overflows.incrementAndGet();
            queue.offer(event);
        }
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    /** Event loop: sends the stream's opening. */
    void open() {
        response.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
        response.drainHandler(v -> drain());
        response.write("retry: 3000\n\n" + frame(null, "hello", "{\"studyId\":" + studyId + ",\"queue\":" + QUEUE + "}"));
    }

    /**
     * Event loop: writes queued events while the socket keeps up; the response's drain handler, the
     * next event or the next heartbeat resumes it. A resync is written after the drop it reports,
     * though events published after the drop may precede it (the client re-reads everything anyway).
     */
    void drain() {
        scheduled.set(false);
        if (closed) {
            return;
        }
        if (!response.writeQueueFull() && overflowed.getAndSet(false)) {
            resyncs.incrementAndGet();
            response.write(frame(null, "resync", "{\"reason\":\"" + resyncReason + "\"}"));
        }
        EventHub.Sequenced event;
        while (!response.writeQueueFull() && (event = queue.poll()) != null) {
            response.write(frame(epoch + "-" + event.sequence(), event.event().type(), event.event().json()));
        }
    }

    /**
     * Event loop: a comment line keeps proxies open and reveals dead peers; a long-stalled peer is
     * dropped. Also resumes a drain, should a drain notification have been missed.
     */
    void heartbeat() {
        if (closed) {
            return;
        }
        if (response.writeQueueFull()) {
            if (++stalledBeats >= STALLED_BEATS) {
                response.reset();
            }
            return;
        }
        stalledBeats = 0;
        response.write(": heartbeat\n\n");
        if (overflowed.get() || !queue.isEmpty()) {
            drain();
        }
    }

    void closed() {
        closed = true;
        queue.clear();
    }

    boolean isClosed() {
        return closed;
    }

    /** How often this client was told to resync because it fell behind. */
    long resyncs() {
        return resyncs.get();
    }

    /** How often this client's queue overflowed and was dropped. */
    long overflows() {
        return overflows.get();
    }

    int queued() {
        return queue.size();
    }

    /** One SSE frame; {@code id} null for frames a reconnect should not resume from (hello, resync). */
    private static String frame(String id, String type, String json) {
        StringBuilder b = new StringBuilder(id == null ? "" : "id: " + id + "\n");
        b.append("event: ").append(type.replaceAll("[\\r\\n]", "")).append('\n');
        for (String line : json.split("\\r?\\n|\\r")) {
            b.append("data: ").append(line).append('\n');
        }
        return b.append('\n').toString();
    }
}
