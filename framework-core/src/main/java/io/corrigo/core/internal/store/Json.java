package io.corrigo.core.internal.store;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Minimal JSON writing for string maps (the store stays independent of Jackson). */
final class Json {

    private static final Pattern COUNT = Pattern.compile("\"([a-z0-9-]+)\":(\\d+)");

    private Json() {
    }

    static String object(Map<String, String> map) {
        StringBuilder b = new StringBuilder("{");
        new TreeMap<>(map).forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(quote(k)).append(':').append(quote(v)));
        return b.append('}').toString();
    }

    /** Counts by name as a JSON object of numbers; names are plain tokens ({@code [a-z0-9-]}). */
    static String counts(Map<String, Integer> counts) {
        StringBuilder b = new StringBuilder("{");
        new TreeMap<>(counts).forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(quote(k)).append(':').append(v));
        return b.append('}').toString();
    }

    /** Reads what {@link #counts} wrote; null or blank is empty. */
    static Map<String, Integer> parseCounts(String json) {
        Map<String, Integer> counts = new TreeMap<>();
        if (json != null) {
            Matcher m = COUNT.matcher(json);
            while (m.find()) {
                counts.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        return counts;
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
