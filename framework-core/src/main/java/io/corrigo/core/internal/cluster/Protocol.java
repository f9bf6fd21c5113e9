package io.corrigo.core.internal.cluster;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The coordinator's two addresses and the signed JSON envelopes sent to them. Workers pull trials
 * from {@link #PULL} and report on {@link #REPORT}; every message and every reply is a JSON object
 * as text, signed with the shared secret in the {@link Signer#HEADER} header, and carries a nonce and
 * its send time so that a recorded message cannot be played again ({@link ReplayGuard}).
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

    /** Reply code for a signed message that was received before or is too old. */
    static final int REPLAYED = 409;

    /** What a refused worker is told. */
    static final String REFUSED_MESSAGE = "refused: this worker's messages are not signed with the coordinator's secret"
            + " (give both the same --secret-file or CORRIGO_CLUSTER_SECRET)";

    private Protocol() {
    }

    /** Delivery options carrying {@code text}'s signature, with {@code timeoutMillis} for a reply. */
    static DeliveryOptions signed(Signer signer, String text, long timeoutMillis) {
        return new DeliveryOptions().addHeader(Signer.HEADER, signer.sign(text)).setSendTimeout(timeoutMillis);
    }

    /** {@code body} as the text to sign and send, with a fresh nonce and this machine's clock added. */
    static String seal(JsonObject body) {
        return body.copy().put("nonce", java.util.UUID.randomUUID().toString()).put("sent", System.currentTimeMillis()).encode();
    }

    /** An opened message: its body, or the reply code and reason it was refused with. */
    record Opened(JsonObject body, int code, String problem) {

        boolean ok() {
            return body != null;
        }
    }

    /** The message's JSON body if it is signed with {@code signer}'s secret, well formed, and new to {@code guard}. */
    static Opened open(Signer signer, ReplayGuard guard, Message<?> message) {
        return open(signer, guard, message.body(), message.headers().get(Signer.HEADER));
    }

    static Opened open(Signer signer, ReplayGuard guard, Object body, String signature) {
        if (!(body instanceof String text) || !signer.verify(text, signature)) {
            return new Opened(null, REFUSED, REFUSED_MESSAGE);
        }
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException e) {
            return new Opened(null, REFUSED, "refused: the message is not a JSON object");
        }
        Optional<String> problem = guard.admit(json);
        return problem.map(p -> new Opened(null, REPLAYED, "refused: " + p)).orElseGet(() -> new Opened(json, 0, ""));
    }

    /** Replies {@code reply} to {@code message}, signed and sealed. */
    static void reply(Signer signer, Message<?> message, JsonObject reply) {
        String text = seal(reply);
        message.reply(text, new DeliveryOptions().addHeader(Signer.HEADER, signer.sign(text)));
    }
}
