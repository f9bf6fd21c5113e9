package io.corrigo.core.internal.store;

import java.util.Map;
import java.util.TreeMap;

/** Minimal JSON writing for string maps (the store stays independent of Jackson). */
final class Json {

    private Json() {
    }

    static String object(Map<String, String> map) {
        StringBuilder b = new StringBuilder("{");
        new TreeMap<>(map).forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(quote(k)).append(':').append(quote(v)));
        return b.append('}').toString();
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }
}
