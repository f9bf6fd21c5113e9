package io.corrigo.core.internal.store;

import io.corrigo.reports.data.EvaluationRow;
import io.corrigo.reports.data.MetricRow;
import io.corrigo.reports.data.RolloutInfo;
import io.corrigo.reports.data.StudyRow;
import io.corrigo.reports.data.TrialRow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Read-only queries for the report site, on a connection of their own: in WAL mode they never
 * block the writer, and the writer never blocks them.
 */
public final class StoreQueries implements AutoCloseable {

    private static final String STUDY_COLUMNS = "s.id, s.name, s.state, s.device, s.trials_total, s.created_at, s.finished_at,"
            + " (SELECT COUNT(*) FROM trials t WHERE t.study_id = s.id AND t.state = 'done') AS done,"
            + " (SELECT COUNT(*) FROM trials t WHERE t.study_id = s.id AND t.state = 'failed') AS failed,"
            + " (SELECT COUNT(*) FROM trials t WHERE t.study_id = s.id AND t.state = 'running') AS running";

    private final Connection connection;

    private StoreQueries(Connection connection) {
        this.connection = connection;
    }

    /** Opens a reader on the store at {@code file}, creating the schema if the store is new. */
    public static StoreQueries open(Path file) {
        Store.open(file).close();
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("PRAGMA query_only=1");
            }
            return new StoreQueries(c);
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + file + " for reading: " + e.getMessage(), e);
        }
    }

    /** A study's spec text and manifest. */
    public record StudyText(String source, String specYaml, String manifestJson) {
    }

    public synchronized List<StudyRow> studies() {
        return query("SELECT " + STUDY_COLUMNS + " FROM studies s ORDER BY s.id DESC", StoreQueries::study);
    }

    public synchronized Optional<StudyRow> study(long id) {
        return query("SELECT " + STUDY_COLUMNS + " FROM studies s WHERE s.id = ?", StoreQueries::study, id).stream().findFirst();
    }

    public synchronized Optional<StudyText> studyText(long id) {
        return query("SELECT source, spec_yaml, manifest_json FROM studies WHERE id = ?",
                rs -> new StudyText(rs.getString(1), rs.getString(2), rs.getString(3)), id).stream().findFirst();
    }

    public synchronized List<TrialRow> trials(long studyId) {
        return query("SELECT * FROM trials WHERE study_id = ? ORDER BY idx", StoreQueries::trial, studyId);
    }

    public synchronized Optional<TrialRow> trial(long trialId) {
        return query("SELECT * FROM trials WHERE id = ?", StoreQueries::trial, trialId).stream().findFirst();
    }

    public synchronized List<EvaluationRow> evaluations(long studyId) {
        return query("SELECT e.* FROM evaluations e JOIN trials t ON t.id = e.trial_id WHERE t.study_id = ? "
                + "ORDER BY t.idx, e.episode", rs -> new EvaluationRow(rs.getLong("trial_id"), rs.getInt("episode"),
                rs.getInt("episodes"), rs.getInt("successes"), rs.getDouble("mean_return"), rs.getDouble("mean_progress"),
                rs.getLong("env_steps"), rs.getLong("feedback_events"), rs.getLong("teacher_steps"), false), studyId);
    }

    public synchronized List<MetricRow> metrics(long trialId) {
        return query("SELECT episode, name, value, unit FROM metrics WHERE trial_id = ? ORDER BY name, episode",
                rs -> new MetricRow(trialId, rs.getInt(1), rs.getString(2), rs.getDouble(3), rs.getString(4)), trialId);
    }

    public synchronized List<RolloutInfo> rollouts(long trialId) {
        return query("SELECT id, kind, episode, steps, success FROM rollouts WHERE trial_id = ? ORDER BY kind, episode",
                rs -> new RolloutInfo(rs.getLong(1), trialId, rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5) != 0),
                trialId);
    }

    public synchronized Optional<String> rolloutFrames(long rolloutId) {
        return query("SELECT frames_json FROM rollouts WHERE id = ?", rs -> rs.getString(1), rolloutId).stream().findFirst();
    }

    private static StudyRow study(ResultSet rs) throws SQLException {
        return new StudyRow(rs.getLong("id"), rs.getString("name"), rs.getString("state"), rs.getString("device"),
                rs.getInt("trials_total"), rs.getInt("done"), rs.getInt("failed"), rs.getInt("running"),
                rs.getString("created_at"), Optional.ofNullable(rs.getString("finished_at")).orElse(""));
    }

    private static TrialRow trial(ResultSet rs) throws SQLException {
        return new TrialRow(rs.getLong("id"), rs.getLong("study_id"), rs.getString("trial_key"), rs.getString("environment"),
                rs.getString("feedback"), rs.getString("learner"), rs.getLong("seed"), rs.getString("state"),
                Optional.ofNullable(rs.getString("error")).orElse(""), 0, rs.getLong("wall_ms"), rs.getLong("env_steps"),
                rs.getLong("feedback_events"), rs.getLong("teacher_steps"), rs.getLong("takeovers"),
                Optional.ofNullable(rs.getString("notes_json")).orElse("{}"));
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("store read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store reader: " + e.getMessage(), e);
        }
    }
}
