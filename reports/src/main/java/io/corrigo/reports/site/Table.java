package io.corrigo.reports.site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A flat table for CSV export (RFC 4180: comma separated, CRLF, fields quoted when needed).
 * Cells are strings, numbers or booleans; non-finite numbers and missing values are empty.
 */
record Table(List<String> header, List<List<Object>> rows) {

    Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** A table filled row by row. */
    static Builder of(String... header) {
        return new Builder(List.of(header));
    }

    String csv() {
        StringBuilder b = new StringBuilder();
        line(b, new ArrayList<>(header));
        rows.forEach(row -> line(b, row));
        return b.toString();
    }

    private static void line(StringBuilder b, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            b.append(i > 0 ? "," : "").append(field(cells.get(i)));
        }
        b.append("\r\n");
    }

    private static String field(Object value) {
        if (value == null || value instanceof Double d && !Double.isFinite(d)) {
            return "";
        }
        String s = value.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Collects rows; each must have as many cells as the header. */
    static final class Builder {
        private final List<String> header;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(List<String> header) {
            this.header = header;
        }

        Builder row(Object... cells) {
            if (cells.length != header.size()) {
                throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.size());
            }
            rows.add(Arrays.asList(cells));
            return this;
        }

        Table build() {
            return new Table(header, rows);
        }
    }
}
