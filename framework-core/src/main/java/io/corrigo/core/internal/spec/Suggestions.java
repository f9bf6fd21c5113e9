package io.corrigo.core.internal.spec;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean …?" by edit distance. */
final class Suggestions {

    private Suggestions() {
    }

    /** The closest candidate within a distance proportional to its length, if any. */
    static Optional<String> closest(String given, Collection<String> candidates) {
        String lower = given.toLowerCase(java.util.Locale.ROOT);
        return candidates.stream()
                .filter(c -> distance(lower, c.toLowerCase(java.util.Locale.ROOT)) <= Math.max(1, c.length() / 3)
                        || c.equalsIgnoreCase(given))
                .min(Comparator.comparingInt((String c) -> distance(lower, c.toLowerCase(java.util.Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Damerau-Levenshtein distance (optimal string alignment): a swap of neighbours counts 1. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
