package io.corrigo.distribution;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Reads a host's store ({@code runs/corrigo.db} under its home) directly, as a second opinion on what the CLI says. */
final class StoreRows {

    private StoreRows() {
    }

    /** The keys of run 1's trials in {@code state}. */
    static List<String> trialKeys(Path home, String state) throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection c = open(home);
             var p = c.prepareStatement("SELECT trial_key FROM trials WHERE study_id = 1 AND state = ?")) {
            p.setString(1, state);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    /** The number of rows in {@code table}. */
    static long count(Path home, String table) throws Exception {
        try (Connection c = open(home); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first column of every row {@code sql} returns, as text. */
    static List<String> column(Path home, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = open(home); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static Connection open(Path home) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + home.resolve("runs/corrigo.db"));
    }
}
