package news.broadsheet.audit.internal;

import java.time.Instant;
import java.util.List;
import news.broadsheet.audit.AuditEntry;
import news.broadsheet.shared.SqlValues;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the {@code audit_event} table. */
@Repository
public class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(
            Instant at,
            @Nullable Long actorId,
            String actorName,
            String action,
            String subjectType,
            @Nullable Long subjectId,
            String detail) {
        jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, actor_id, actor_name, action, subject_type, subject_id, detail)
                        VALUES (:at, :actorId, :actorName, :action, :subjectType, :subjectId, :detail)""")
                .param("at", at.toEpochMilli())
                .param("actorId", actorId, java.sql.Types.BIGINT)
                .param("actorName", truncate(actorName, 120))
                .param("action", action)
                .param("subjectType", subjectType)
                .param("subjectId", subjectId, java.sql.Types.BIGINT)
                .param("detail", truncate(detail, 1000))
                .update();
    }

    /** Ids grow with time, so paging by id is paging by time. */
    public List<AuditEntry> findNewest(@Nullable String actionPrefix, @Nullable Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT id, occurred_at, actor_id, actor_name, action, subject_type, subject_id, detail FROM audit_event WHERE 1 = 1");
        if (actionPrefix != null) {
            sql.append(" AND action LIKE :prefix");
        }
        if (beforeId != null) {
            sql.append(" AND id < :before");
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        var statement = jdbc.sql(sql.toString()).param("limit", limit);
        if (actionPrefix != null) {
            statement = statement.param("prefix", actionPrefix.replace("%", "").replace("_", "") + "%");
        }
        if (beforeId != null) {
            statement = statement.param("before", beforeId);
        }
        return statement
                .query((rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        Instant.ofEpochMilli(rs.getLong("occurred_at")),
                        SqlValues.nullableLong(rs, "actor_id"),
                        rs.getString("actor_name"),
                        rs.getString("action"),
                        rs.getString("subject_type"),
                        SqlValues.nullableLong(rs, "subject_id"),
                        rs.getString("detail")))
                .list();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
