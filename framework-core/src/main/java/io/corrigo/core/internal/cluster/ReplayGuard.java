package io.corrigo.core.internal.cluster;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Refuses a signed cluster message that was sent before or that is too old: every message carries a
 * random {@code nonce} and the sender's clock ({@code sent}, epoch milliseconds), both under the
 * signature. A message is admitted once, and only while {@code sent} is within the window of this
 * machine's clock; nonces are remembered for as long as a message carrying them could be admitted.
 */
final class ReplayGuard {

    /** How far a sender's clock may be from this one's, and how long a message stays admissible. */
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final long windowMillis;
    private final LongSupplier clock;
    /** nonce → when it was admitted (this machine's clock), oldest first. */
    private final Map<String, Long> seen = new LinkedHashMap<>();

    ReplayGuard() {
        this(WINDOW, System::currentTimeMillis);
    }

    ReplayGuard(Duration window, LongSupplier clock) {
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Empty if {@code body} is admitted now (and remembered); otherwise why not. */
    synchronized Optional<String> admit(JsonObject body) {
        long now = clock.getAsLong();
        for (Iterator<Long> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next() < now - 2 * windowMillis) {
                it.remove();
            } else {
                break;
            }
        }
        Object nonce = body.getValue("nonce");
        Object sent = body.getValue("sent");
        if (!(nonce instanceof String n) || n.isEmpty() || !(sent instanceof Number s)) {
            return Optional.of("the message carries no nonce and send time (a Corrigo from before replay protection?)");
        }
        long skew = now - s.longValue();
        if (Math.abs(skew) > windowMillis) {
            return Optional.of("the message was sent " + Math.abs(skew) / 1000 + " s " + (skew > 0 ? "ago" : "in the future")
                    + " by this machine's clock, more than the " + windowMillis / 1000 + " s allowed: a replayed message,"
                    + " or the two machines' clocks differ (synchronise them, e.g. with NTP)");
        }
        if (seen.putIfAbsent(n, now) != null) {
            return Optional.of("the message was received before (a replayed message)");
        }
        return Optional.empty();
    }
}
