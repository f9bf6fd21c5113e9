package io.corrigo.core.internal.store;

import io.corrigo.core.internal.run.Effort;
import io.corrigo.core.internal.run.EvaluationPoint;
import io.corrigo.core.internal.run.MetricPoint;
import io.corrigo.core.internal.run.Rollout;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.run.TrialResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The single source of truth: an embedded SQLite database in WAL mode with one writer (this
 * object; all methods are synchronized). A trial's evaluations, metrics and effort are written in
 * one transaction when it finishes, so a crash never leaves half a trial counted.
 */
public final class Store implements AutoCloseable {

    /** The state of a study run whose process ended without finishing it. */
    public static final String INTERRUPTED = "interrupted";

    private final Connection connection;
    private final RunLocks locks;

    private Store(Connection connection, RunLocks locks) {
        this.connection = connection;
        this.locks = locks;
    }

    /** Opens (creating if needed) the store at {@code file}. */
    public static Store open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=10000");
                for (String ddl : Schema.DDL) {
                    s.execute(ddl);
                }
                Schema.migrate(c);
            }
            Store store = new Store(c, new RunLocks(file.toAbsolutePath().getParent()));
            store.markInterrupted();
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the store directory for " + file, e);
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Records a new study run and its planned trials (all pending); returns the study id. */
    public synchronized long createStudy(String name, String source, String device, String specYaml, String manifestJson,
                                         List<Trial> trials) {
        return transaction(() -> {
            long id;
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO studies(name, source, state, device, trials_total, created_at, spec_yaml, manifest_json) "
                            + "VALUES (?, ?, 'running', ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, name);
                p.setString(2, source);
                p.setString(3, device);
                p.setInt(4, trials.size());
                p.setString(5, Instant.now().toString());
                p.setString(6, specYaml);
                p.setString(7, manifestJson);
                p.executeUpdate();
                try (ResultSet k = p.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
            }
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO trials(study_id, idx, trial_key, environment, "
                    + "feedback, learner, seed, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')")) {
                for (Trial t : trials) {
                    p.setLong(1, id);
                    p.setInt(2, t.index());
                    p.setString(3, t.key());
                    p.setString(4, t.environment().label());
                    p.setString(5, t.feedback().label());
                    p.setString(6, t.learner().label());
                    p.setLong(7, t.seed());
                    p.addBatch();
                }
                p.executeBatch();
            }
            locks.hold(id);   // before the commit, so no other process sees the run without its lock
            return id;
        });
    }

    /** The states of a run that {@link #reopenStudy} can continue. */
    public static final List<String> RESUMABLE = List.of(INTERRUPTED, "cancelled", "crashed");

    /**
     * Reopens the run {@code studyId} that ended {@link #RESUMABLE unfinished}, to continue it in this
     * process: the run is {@code running} again (under this process's lock), its cancelled trials are
     * pending again with anything a partial attempt left removed; done and failed trials stay as
     * they are. Returns false, changing nothing, when the run is not in a resumable state.
     */
    public synchronized boolean reopenStudy(long studyId) {
        return transaction(() -> {
            try (PreparedStatement p = connection.prepareStatement("UPDATE studies SET state = 'running', finished_at = NULL"
                    + " WHERE id = ? AND state IN (?, ?, ?)")) {
                bind(p, new Object[] {studyId, RESUMABLE.get(0), RESUMABLE.get(1), RESUMABLE.get(2)});
                if (p.executeUpdate() != 1) {
                    return false;
                }
            }
            for (String table : List.of("evaluations", "metrics", "rollouts")) {
                execute("DELETE FROM " + table + " WHERE trial_id IN (SELECT id FROM trials WHERE study_id = ? AND state"
                        + " = 'cancelled')", studyId);
            }
            execute("UPDATE trials SET state = 'pending', error = NULL, started_at = NULL, finished_at = NULL"
                    + " WHERE study_id = ? AND state = 'cancelled'", studyId);
            locks.hold(studyId);   // before the commit, as in createStudy
            return true;
        });
    }

    /** The study text a run was started from, as stored. */
    public synchronized Optional<String> specYaml(long studyId) {
        return query("SELECT spec_yaml FROM studies WHERE id = ?", rs -> rs.getString(1), studyId).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** Marks a trial as running. */
    public synchronized void markRunning(long studyId, Trial trial) {
        update("UPDATE trials SET state = 'running', started_at = ? WHERE study_id = ? AND trial_key = ?",
                Instant.now().toString(), studyId, trial.key());
    }

    /** Commits a finished trial: its row, evaluations and metrics, atomically. */
    public synchronized void commitTrial(long studyId, TrialResult r) {
        transaction(() -> {
            long trialId = trialId(studyId, r.trial().key());
            Effort e = r.effort();
            execute("UPDATE trials SET state = 'done', finished_at = ?, wall_ms = ?, env_steps = ?, feedback_events = ?, "
                            + "teacher_steps = ?, takeovers = ?, notes_json = ?, error = NULL WHERE id = ?", Instant.now().toString(),
                    r.wallMillis(), e.envSteps(), e.feedbackEvents(), e.teacherSteps(), e.takeovers(), Json.object(r.notes()), trialId);
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO evaluations(trial_id, episode, episodes, successes, "
                    + "mean_return, mean_progress, env_steps, feedback_events, teacher_steps, takeovers, modes_json) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                for (EvaluationPoint ev : r.evaluations()) {
                    Object[] v = {trialId, ev.episode(), ev.episodes(), ev.successes(), ev.meanReturn(), ev.meanProgress(),
                            ev.effort().envSteps(), ev.effort().feedbackEvents(), ev.effort().teacherSteps(), ev.effort().takeovers(),
                            ev.modes().isEmpty() ? null : Json.counts(ev.modes())};
                    bind(p, v);
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO metrics(trial_id, episode, name, value, count, unit) VALUES (?,?,?,?,?,?)")) {
                for (MetricPoint m : r.metrics()) {
                    bind(p, new Object[]{trialId, m.episode(), m.name(), m.value(), m.count(), m.unit().isEmpty() ? null : m.unit()});
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO rollouts(trial_id, kind, episode, steps, success, frames_json) VALUES (?,?,?,?,?,?)")) {
                for (Rollout ro : r.rollouts()) {
                    bind(p, new Object[]{trialId, ro.kind(), ro.episode(), ro.steps(), ro.success() ? 1 : 0, ro.framesJson()});
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
    }

    /** Records a failed trial with its reason; nothing else of it is stored. */
    public synchronized void failTrial(long studyId, Trial trial, String reason, long wallMillis) {
        update("UPDATE trials SET state = 'failed', finished_at = ?, wall_ms = ?, error = ? WHERE study_id = ? AND trial_key = ?",
                Instant.now().toString(), wallMillis, reason, studyId, trial.key());
    }

    /**
     * Ends a study run with {@code state}; trials still pending or running are marked {@code cancelled},
     * with the reason when the run was stopped ({@code state} cancelled).
     */
    public synchronized void finishStudy(long studyId, String state) {
        boolean stopped = "cancelled".equals(state);
        transaction(() -> {
            if (stopped) {
                execute("UPDATE trials SET error = ? WHERE study_id = ? AND state = 'running'",
                        "stopped before it finished: the run was interrupted (Ctrl-C or SIGTERM)", studyId);
                execute("UPDATE trials SET error = ? WHERE study_id = ? AND state = 'pending'",
                        "not started: the run was interrupted (Ctrl-C or SIGTERM)", studyId);
            }
            execute("UPDATE trials SET state = 'cancelled' WHERE study_id = ? AND state IN ('pending', 'running')", studyId);
            execute("UPDATE studies SET state = ?, finished_at = ? WHERE id = ?", state, Instant.now().toString(), studyId);
            return null;
        });
        locks.release(studyId);
    }

    /**
     * Marks every run still recorded as running whose process is gone (its lock file is there but
     * nobody holds it) as {@link #INTERRUPTED}, its unfinished trials as cancelled; the trials it
     * finished are kept. A run that finishes meanwhile is left as it ended.
     */
    private synchronized void markInterrupted() {
        List<Long> running = query("SELECT id FROM studies WHERE state = 'running'", rs -> rs.getLong(1));
        for (long id : running) {
            if (locks.abandoned(id)) {
                transaction(() -> {
                    try (PreparedStatement p = connection.prepareStatement(
                            "UPDATE studies SET state = ?, finished_at = ? WHERE id = ? AND state = 'running'")) {
                        bind(p, new Object[] {INTERRUPTED, Instant.now().toString(), id});
                        if (p.executeUpdate() == 1) {
                            execute("UPDATE trials SET state = 'cancelled' WHERE study_id = ? AND state IN ('pending', 'running')", id);
                        }
                    }
                    return null;
                });
            }
        }
    }

    /** Every study run, newest first. */
    public synchronized List<StoredStudy> studies() {
        return query("SELECT * FROM studies ORDER BY id DESC", Store::study);
    }

    /** The newest run of the study named {@code name}. */
    public synchronized Optional<StoredStudy> latest(String name) {
        return query("SELECT * FROM studies WHERE name = ? ORDER BY id DESC LIMIT 1", Store::study, name).stream().findFirst();
    }

    /** The trials of a study run in plan order. */
    public synchronized List<StoredTrial> trials(long studyId) {
        return query("SELECT * FROM trials WHERE study_id = ? ORDER BY idx", Store::trial, studyId);
    }

    /** The evaluation points of a study run, by trial id, in order. */
    public synchronized Map<Long, List<EvaluationPoint>> evaluations(long studyId) {
        Map<Long, List<EvaluationPoint>> byTrial = new HashMap<>();
        query("SELECT e.* FROM evaluations e JOIN trials t ON t.id = e.trial_id WHERE t.study_id = ? ORDER BY e.trial_id, e.episode",
                rs -> {
                    byTrial.computeIfAbsent(rs.getLong("trial_id"), k -> new ArrayList<>()).add(new EvaluationPoint(
                            rs.getInt("episode"), rs.getInt("episodes"), rs.getInt("successes"), rs.getDouble("mean_return"),
                            rs.getDouble("mean_progress"), new Effort(rs.getLong("env_steps"), rs.getLong("feedback_events"),
                            rs.getLong("teacher_steps"), rs.getLong("takeovers")), Json.parseCounts(rs.getString("modes_json"))));
                    return null;
                }, studyId);
        return byTrial;
    }

    /** For each trial of a study run that recorded metric {@code name}, its value at the last episode recorded. */
    public synchronized Map<Long, Double> finalMetric(long studyId, String name) {
        Map<Long, Double> byTrial = new HashMap<>();
        query("SELECT m.trial_id, m.value FROM metrics m JOIN trials t ON t.id = m.trial_id WHERE t.study_id = ? AND m.name = ?"
                + " ORDER BY m.trial_id, m.episode", rs -> byTrial.put(rs.getLong(1), rs.getDouble(2)), studyId, name);
        return byTrial;
    }

    private static StoredStudy study(ResultSet rs) throws SQLException {
        return new StoredStudy(rs.getLong("id"), rs.getString("name"), rs.getString("source"), rs.getString("state"),
                rs.getString("device"), rs.getInt("trials_total"), rs.getString("created_at"),
                Optional.ofNullable(rs.getString("finished_at")).orElse(""), rs.getString("manifest_json"));
    }

    private static StoredTrial trial(ResultSet rs) throws SQLException {
        return new StoredTrial(rs.getLong("id"), rs.getString("trial_key"), rs.getString("environment"), rs.getString("feedback"),
                rs.getString("learner"), rs.getLong("seed"), rs.getString("state"), Optional.ofNullable(rs.getString("error")).orElse(""),
                rs.getLong("wall_ms"), new Effort(rs.getLong("env_steps"), rs.getLong("feedback_events"),
                rs.getLong("teacher_steps"), rs.getLong("takeovers")), Optional.ofNullable(rs.getString("notes_json")).orElse("{}"));
    }

    private long trialId(long studyId, String key) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT id FROM trials WHERE study_id = ? AND trial_key = ?")) {
            p.setLong(1, studyId);
            p.setString(2, key);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("trial " + key + " is not part of study " + studyId);
                }
                return rs.getLong(1);
            }
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T transaction(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("store write failed: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... args) {
        try {
            execute(sql, args);
        } catch (SQLException e) {
            throw new StoreException("store write failed: " + e.getMessage(), e);
        }
    }

    private void execute(String sql, Object... args) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            bind(p, args);
            p.executeUpdate();
        }
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            bind(p, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    T t = row.read(rs);
                    if (t != null) {
                        out.add(t);
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("store read failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement p, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            p.setObject(i + 1, args[i]);
        }
    }

    @Override
    public synchronized void close() {
        locks.releaseAll();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store: " + e.getMessage(), e);
        }
    }
}
