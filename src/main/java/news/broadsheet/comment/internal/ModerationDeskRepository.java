package news.broadsheet.comment.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.internal.CommentRepository.ModerationState;
import news.broadsheet.comment.internal.CommentRepository.Report;
import news.broadsheet.shared.SqlValues;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the moderation desk: its queues and counts, readers' reports, and the decisions it records. */
@Repository
public class ModerationDeskRepository {

    private final JdbcClient jdbc;

    ModerationDeskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A queue page: comments in one status, newest first, after a keyset position. */
    public List<QueuedRow> findQueue(
            CommentStatus status,
            java.util.@Nullable Collection<Long> articleIds,
            @Nullable Instant beforeTime,
            @Nullable Long beforeId,
            int limit) {
        return findQueue(status, 0, articleIds, beforeTime, beforeId, limit);
    }

    /**
     * @param minReports when above zero, only comments with at least this many reader reports
     *     (the reported queue)
     */
    public List<QueuedRow> findQueue(
            CommentStatus status,
            int minReports,
            java.util.@Nullable Collection<Long> articleIds,
            @Nullable Instant beforeTime,
            @Nullable Long beforeId,
            int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT c.id, c.article_id, c.author_name, c.author_email, c.body, c.status, c.featured, c.created_at,"
                        + " c.reasons, c.spam_score, c.rejection_reason, c.client_address_hash, p.body AS parent_body"
                        + " FROM comment c LEFT JOIN comment p ON p.id = c.parent_id WHERE c.status = :status");
        if (minReports > 0) {
            sql.append(" AND (SELECT COUNT(*) FROM comment_report r WHERE r.comment_id = c.id) >= :minReports");
        }
        if (articleIds != null) {
            sql.append(" AND c.article_id IN (:articles)");
        }
        if (beforeTime != null && beforeId != null) {
            sql.append(" AND (c.created_at, c.id) < (:beforeTime, :beforeId)");
        }
        sql.append(" ORDER BY c.created_at DESC, c.id DESC LIMIT :limit");
        var statement =
                jdbc.sql(sql.toString()).param("status", status.dbValue()).param("limit", limit);
        if (minReports > 0) {
            statement = statement.param("minReports", minReports);
        }
        if (articleIds != null) {
            statement = statement.param("articles", articleIds.isEmpty() ? List.of(-1L) : articleIds);
        }
        if (beforeTime != null && beforeId != null) {
            statement = statement.param("beforeTime", beforeTime.toEpochMilli()).param("beforeId", beforeId);
        }
        return statement
                .query((rs, n) -> {
                    String parent = rs.getString("parent_body");
                    String reasons = rs.getString("reasons");
                    return new QueuedRow(
                            new news.broadsheet.comment.QueuedComment(
                                    rs.getLong("id"),
                                    rs.getLong("article_id"),
                                    rs.getString("author_name"),
                                    rs.getString("author_email"),
                                    rs.getString("body"),
                                    CommentStatus.fromDb(rs.getString("status")),
                                    rs.getBoolean("featured"),
                                    Instant.ofEpochMilli(rs.getLong("created_at")),
                                    reasons == null || reasons.isEmpty() ? List.of() : List.of(reasons.split("\n")),
                                    SqlValues.nullableDouble(rs, "spam_score"),
                                    parent == null
                                            ? null
                                            : parent.length() > 140 ? parent.substring(0, 140) + "…" : parent,
                                    0,
                                    0,
                                    false,
                                    java.util.Map.of(),
                                    rs.getString("rejection_reason")),
                            rs.getString("client_address_hash"));
                })
                .list();
    }

    /**
     * A queued comment as stored, before the desk adds the commenter's record and reports; with the
     * commenter's hashed address, which the record is looked up by but the desk never shows.
     */
    public record QueuedRow(news.broadsheet.comment.QueuedComment comment, String addressHash) {}

    /** Counts per status, for the queue tabs. */
    public java.util.Map<CommentStatus, Integer> countByStatus(java.util.@Nullable Collection<Long> articleIds) {
        java.util.Map<CommentStatus, Integer> counts = new java.util.EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, 0);
        }
        var statement = jdbc.sql("SELECT status, COUNT(*) AS n FROM comment"
                + (articleIds == null ? "" : " WHERE article_id IN (:articles)") + " GROUP BY status");
        if (articleIds != null) {
            statement = statement.param("articles", articleIds.isEmpty() ? List.of(-1L) : articleIds);
        }
        statement.query((org.springframework.jdbc.core.RowCallbackHandler)
                rs -> counts.put(CommentStatus.fromDb(rs.getString("status")), rs.getInt("n")));
        return counts;
    }

    public int countReported(int minReports, java.util.@Nullable Collection<Long> articleIds) {
        var statement = jdbc.sql("SELECT COUNT(*) FROM comment c WHERE c.status = 'approved'"
                        + " AND (SELECT COUNT(*) FROM comment_report r WHERE r.comment_id = c.id) >= :min"
                        + (articleIds == null ? "" : " AND c.article_id IN (:articles)"))
                .param("min", minReports);
        if (articleIds != null) {
            statement = statement.param("articles", articleIds.isEmpty() ? List.of(-1L) : articleIds);
        }
        return statement.query(Integer.class).single();
    }

    public String addressHashOf(long commentId) {
        return jdbc.sql("SELECT client_address_hash FROM comment WHERE id = ?")
                .param(commentId)
                .query(String.class)
                .single();
    }

    public void moderate(long commentId, CommentStatus status, String by, @Nullable String reason, Instant at) {
        jdbc.sql(
                        "UPDATE comment SET status = :status, moderated_by = :by, moderated_at = :at, rejection_reason = :reason"
                                + " WHERE id = :id")
                .param("status", status.dbValue())
                .param("by", by)
                .param("at", at.toEpochMilli())
                .param("reason", reason, java.sql.Types.VARCHAR)
                .param("id", commentId)
                .update();
    }

    /**
     * How many comments wait in the pending queue, counting no further than {@code limit}: a
     * bounded read of the comment_queue index (status, created_at, id), whatever the queue's length.
     */
    public int countPendingUpTo(int limit) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM comment WHERE status = 'pending' LIMIT :limit) p")
                .param("limit", Math.max(0, limit))
                .query(Integer.class)
                .single();
    }

    /** How many comments wait in the pending queue, for the badge beside the desk link. */
    public int countPending() {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE status = 'pending'")
                .query(Integer.class)
                .single();
    }

    /** Readers' reports on these comments: per comment, each reason with how many gave it, commonest first. */
    public java.util.Map<Long, java.util.Map<String, Integer>> reportReasons(java.util.Collection<Long> commentIds) {
        java.util.Map<Long, java.util.Map<String, Integer>> found = new java.util.HashMap<>();
        if (commentIds.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT comment_id, reason, COUNT(*) AS n FROM comment_report WHERE comment_id IN (:ids)"
                        + " GROUP BY comment_id, reason ORDER BY comment_id, n DESC, reason")
                .param("ids", commentIds)
                .query((org.springframework.jdbc.core.RowCallbackHandler)
                        rs -> found.computeIfAbsent(rs.getLong("comment_id"), id -> new java.util.LinkedHashMap<>())
                                .put(rs.getString("reason"), rs.getInt("n")));
        return found;
    }

    public Optional<ModerationState> findModerationState(long commentId) {
        List<Report> reports = jdbc.sql(
                        "SELECT reporter_key, reason, created_at FROM comment_report WHERE comment_id = ?")
                .param(commentId)
                .query((rs, n) ->
                        new Report(rs.getString("reporter_key"), rs.getString("reason"), rs.getLong("created_at")))
                .list();
        return jdbc.sql(
                        "SELECT id, author_name, created_at, status, featured, rejection_reason, moderated_by FROM comment"
                                + " WHERE id = ?")
                .param(commentId)
                .query((rs, n) -> new ModerationState(
                        rs.getLong("id"),
                        rs.getString("author_name"),
                        rs.getLong("created_at"),
                        CommentStatus.fromDb(rs.getString("status")),
                        rs.getBoolean("featured"),
                        rs.getString("rejection_reason"),
                        rs.getString("moderated_by"),
                        List.copyOf(reports)))
                .optional();
    }

    /**
     * Puts a comment back as it was before a desk action; the moderation time is now, so pages
     * that show the comment know they changed.
     */
    public void restore(ModerationState state, Instant at) {
        jdbc.sql("UPDATE comment SET status = :status, featured = :featured, rejection_reason = :reason,"
                        + " moderated_by = :by, moderated_at = :at WHERE id = :id")
                .param("status", state.status().dbValue())
                .param("featured", state.featured())
                .param("reason", state.rejectionReason(), java.sql.Types.VARCHAR)
                .param("by", state.moderatedBy(), java.sql.Types.VARCHAR)
                .param("at", at.toEpochMilli())
                .param("id", state.id())
                .update();
        for (Report report : state.reports()) {
            report(state.id(), report.reporterKey(), report.reason(), Instant.ofEpochMilli(report.createdAt()));
        }
    }

    public void setFeatured(long commentId, boolean featured) {
        jdbc.sql("UPDATE comment SET featured = ? WHERE id = ?")
                .params(featured, commentId)
                .update();
    }

    public @Nullable String emailOf(long commentId) {
        return jdbc
                .sql("SELECT author_email FROM comment WHERE id = ?")
                .param(commentId)
                .query((rs, n) -> rs.getString(1))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** Records a reader's report; false if this reader had already reported the comment. */
    public boolean report(long commentId, String reporterKey, String reason, Instant now) {
        return jdbc.sql("INSERT INTO comment_report (comment_id, reporter_key, reason, created_at) VALUES (?, ?, ?, ?)"
                                + " ON CONFLICT DO NOTHING")
                        .params(commentId, reporterKey, reason, now.toEpochMilli())
                        .update()
                == 1;
    }

    public void clearReports(long commentId) {
        jdbc.sql("DELETE FROM comment_report WHERE comment_id = ?")
                .param(commentId)
                .update();
    }
}
