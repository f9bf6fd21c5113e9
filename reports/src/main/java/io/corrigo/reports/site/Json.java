package io.corrigo.reports.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.corrigo.reports.stats.Interval;
import java.util.Optional;

/** JSON building helpers; numbers that are not finite become {@code null} (JSON has no NaN). */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static ObjectNode put(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
        return node;
    }

    static ObjectNode interval(Interval i) {
        ObjectNode node = object();
        put(node, "estimate", i.estimate());
        put(node, "low", i.low());
        put(node, "high", i.high());
        return node;
    }

    static void putInterval(ObjectNode node, String key, Optional<Interval> i) {
        if (i.isPresent()) {
            node.set(key, interval(i.get()));
        } else {
            node.putNull(key);
        }
    }

    /** Parses a JSON text from the host; text that is not JSON is kept as a string, blank as {}. */
    static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return object();
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(json);
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
