package news.broadsheet.importer.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Imports started from the admin page ({@code wp_import_job}): state, progress and report, for any node. */
@Repository
public class ImportJobs {

    /** One import as the admin page shows it. */
    public record Job(
            long id,
            String fileName,
            boolean dryRun,
            boolean createAccounts,
            String state,
            long total,
            long done,
            Instant startedAt,
            Instant updatedAt,
            @Nullable Instant finishedAt,
            @Nullable String error,
            @Nullable String report) {}

    private static final String COLUMNS = "id, file_name, dry_run, create_accounts, state, total_items, done_items,"
            + " started_at, updated_at, finished_at, error, report";

    private final JdbcClient jdbc;

    ImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long create(String fileName, boolean dryRun, boolean createAccounts, long startedBy, Instant now) {
        return jdbc.sql("""
                        INSERT INTO wp_import_job (file_name, dry_run, create_accounts, state, started_by, started_at,
                            updated_at)
                        VALUES (?, ?, ?, 'queued', ?, ?, ?)
                        RETURNING id""")
                .params(fileName, dryRun, createAccounts, startedBy, now.toEpochMilli(), now.toEpochMilli())
                .query(Long.class)
                .single();
    }

    public void progress(long id, String state, long total, long done, Instant now) {
        jdbc.sql("UPDATE wp_import_job SET state = ?, total_items = ?, done_items = ?, updated_at = ? WHERE id = ?")
                .params(state, total, done, now.toEpochMilli(), id)
                .update();
    }

    public void finish(long id, @Nullable String error, @Nullable String report, Instant now) {
        jdbc.sql("UPDATE wp_import_job SET state = :state, error = :error, report = :report, finished_at = :at,"
                        + " updated_at = :at WHERE id = :id")
                .param("state", error == null ? "done" : "failed")
                .param(
                        "error",
                        error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error,
                        java.sql.Types.VARCHAR)
                .param("report", report, java.sql.Types.VARCHAR)
                .param("at", now.toEpochMilli())
                .param("id", id)
                .update();
    }

    public Optional<Job> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM wp_import_job WHERE id = ?")
                .param(id)
                .query(ImportJobs::job)
                .optional();
    }

    public List<Job> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM wp_import_job ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query(ImportJobs::job)
                .list();
    }

    private static Job job(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long finished = rs.getLong("finished_at");
        boolean noFinish = rs.wasNull();
        return new Job(
                rs.getLong("id"),
                rs.getString("file_name"),
                rs.getBoolean("dry_run"),
                rs.getBoolean("create_accounts"),
                rs.getString("state"),
                rs.getLong("total_items"),
                rs.getLong("done_items"),
                Instant.ofEpochMilli(rs.getLong("started_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                noFinish ? null : Instant.ofEpochMilli(finished),
                rs.getString("error"),
                rs.getString("report"));
    }
}
