package io.corrigo.core.internal.cli;

import java.util.regex.Pattern;

/** Quoting of the words Corrigo prints inside commands for users to paste into a POSIX shell. */
final class Shell {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private Shell() {
    }

    /** {@code word} as one shell word: unchanged when it holds only safe characters, else single-quoted. */
    static String quote(String word) {
        if (word != null && PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + (word == null ? "" : word.replace("'", "'\\''")) + "'";
    }
}
