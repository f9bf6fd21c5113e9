package io.corrigo.core.internal.spec;

/**
 * Where a problem is: {@code file:line:col} in a study file (1-based), or the {@code --set} override
 * that introduced the value.
 *
 * @param source the file as the user named it, or the override text
 * @param line   1-based line; 0 when the source is an override
 * @param column 1-based column; 0 when the source is an override
 */
public record Location(String source, int line, int column) {

    /** A location inside a file. */
    public static Location in(String file, int line, int column) {
        return new Location(file, line, column);
    }

    /** A value that came from a command-line override. */
    public static Location override(String text) {
        return new Location("--set " + text, 0, 0);
    }

    @Override
    public String toString() {
        return line == 0 ? source : source + ":" + line + ":" + column;
    }
}
