package io.corrigo.core.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The store's tables. Additive changes only: old stores must stay readable. */
final class Schema {

    private Schema() {
    }

    static final List<String> DDL = List.of(
            """
            CREATE TABLE IF NOT EXISTS studies (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              name TEXT NOT NULL,
              source TEXT,
              state TEXT NOT NULL,
              device TEXT,
              trials_total INTEGER NOT NULL,
              created_at TEXT NOT NULL,
              finished_at TEXT,
              spec_yaml TEXT,
              manifest_json TEXT
            )""",
            "CREATE INDEX IF NOT EXISTS studies_by_name ON studies(name)",
            """
            CREATE TABLE IF NOT EXISTS trials (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              study_id INTEGER NOT NULL REFERENCES studies(id),
              idx INTEGER NOT NULL,
              trial_key TEXT NOT NULL,
              environment TEXT NOT NULL,
              feedback TEXT NOT NULL,
              learner TEXT NOT NULL,
              seed INTEGER NOT NULL,
              state TEXT NOT NULL,
              error TEXT,
              started_at TEXT,
              finished_at TEXT,
              wall_ms INTEGER,
              env_steps INTEGER,
              feedback_events INTEGER,
              teacher_steps INTEGER,
              takeovers INTEGER,
              notes_json TEXT,
              UNIQUE (study_id, trial_key)
            )""",
            """
            CREATE TABLE IF NOT EXISTS evaluations (
              trial_id INTEGER NOT NULL REFERENCES trials(id),
              episode INTEGER NOT NULL,
              episodes INTEGER NOT NULL,
              successes INTEGER NOT NULL,
              mean_return REAL,
              mean_progress REAL,
              env_steps INTEGER,
              feedback_events INTEGER,
              teacher_steps INTEGER,
              takeovers INTEGER,
              modes_json TEXT,
              PRIMARY KEY (trial_id, episode)
            )""",
            """
            CREATE TABLE IF NOT EXISTS metrics (
              trial_id INTEGER NOT NULL REFERENCES trials(id),
              episode INTEGER NOT NULL,
              name TEXT NOT NULL,
              value REAL,
              count INTEGER,
              unit TEXT
            )""",
            "CREATE INDEX IF NOT EXISTS metrics_by_trial ON metrics(trial_id)",
            """
            CREATE TABLE IF NOT EXISTS rollouts (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              trial_id INTEGER NOT NULL REFERENCES trials(id),
              kind TEXT NOT NULL,
              episode INTEGER NOT NULL,
              steps INTEGER NOT NULL,
              success INTEGER NOT NULL,
              frames_json TEXT NOT NULL
            )""",
            "CREATE INDEX IF NOT EXISTS rollouts_by_trial ON rollouts(trial_id)");

    /** Columns added after the first release, for stores created before them. */
    static void migrate(Connection c) throws SQLException {
        addColumnIfMissing(c, "trials", "notes_json TEXT");
        addColumnIfMissing(c, "evaluations", "modes_json TEXT");
        addColumnIfMissing(c, "metrics", "unit TEXT");
    }

    private static void addColumnIfMissing(Connection c, String table, String column) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                columns.add(rs.getString("name"));
            }
        }
        if (!columns.contains(column.substring(0, column.indexOf(' ')))) {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + table + " ADD COLUMN " + column);
            }
        }
    }
}
