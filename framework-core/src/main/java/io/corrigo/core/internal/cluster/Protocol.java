package io.corrigo.core.internal.cluster;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The coordinator's two addresses and the signed JSON envelopes sent to them. Workers pull trials
 * from {@link #PULL} and report on {@link #REPORT}; every message and every reply is a JSON object
 * as text, signed with the shared secret in the {@link Signer#HEADER} header.
 */
final class Protocol {

    /** Where a worker asks for a trial: {@code {worker, host, slots, gpus}}. */
    static final String PULL = "corrigo.cluster.pull";

    /** Where a worker reports on an attempt: {@code {attempt, worker, type, ...}}. */
    static final String REPORT = "corrigo.cluster.report";

    /** Reply code for a message not signed with the coordinator's secret. */
    static final int REFUSED = 403;

    /** Reply code for a report on an attempt the coordinator no longer counts (requeued elsewhere). */
    static final int STALE = 410;

    /** What a refused worker is told. */
    static final String REFUSED_MESSAGE = "refused: this worker's messages are not signed with the coordinator's secret"
            + " (give both the same --secret-file or CORRIGO_CLUSTER_SECRET)";

    private Protocol() {
    }

    /** Delivery options carrying {@code text}'s signature, with {@code timeoutMillis} for a reply. */
    static DeliveryOptions signed(Signer signer, String text, long timeoutMillis) {
        return new DeliveryOptions().addHeader(Signer.HEADER, signer.sign(text)).setSendTimeout(timeoutMillis);
    }

    /** The message's JSON body if it is signed with {@code signer}'s secret and well formed. */
    static Optional<JsonObject> open(Signer signer, Message<?> message) {
        return open(signer, message.body(), message.headers().get(Signer.HEADER));
    }

    static Optional<JsonObject> open(Signer signer, Object body, String signature) {
        if (!(body instanceof String text) || !signer.verify(text, signature)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JsonObject(text));
        } catch (DecodeException e) {
            return Optional.empty();
        }
    }

    /** Replies {@code reply} to {@code message}, signed. */
    static void reply(Signer signer, Message<?> message, JsonObject reply) {
        String text = reply.encode();
        message.reply(text, new DeliveryOptions().addHeader(Signer.HEADER, signer.sign(text)));
    }
}
