package io.corrigo.reports.site;

import io.corrigo.reports.data.LiveEvent;
import io.corrigo.reports.data.LiveFeed;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A {@link LiveFeed} that calls its listeners on the publishing thread, like the host's. */
final class MemoryFeed implements LiveFeed {

    private final List<Consumer<LiveEvent>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public AutoCloseable subscribe(Consumer<LiveEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(LiveEvent event) {
        listeners.forEach(l -> l.accept(event));
    }

    void publish(String type, long studyId, String json) {
        publish(new LiveEvent(type, studyId, json));
    }

    int listeners() {
        return listeners.size();
    }
}
