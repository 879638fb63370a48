package news.broadsheet.comment.internal;

import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.ImportedComment;
import news.broadsheet.shared.BatchInsert;
import news.broadsheet.shared.InLists;
import news.broadsheet.shared.SqlValues;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the {@code comment} table's rows (storing comments and reading threads) and for the
 * client-address key that earlier versions kept in {@code comment_hash_key}.
 */
@Repository
public class CommentRepository {

    private static final String COLUMNS =
            "id, article_id, parent_id, author_name, body, status, created_at, featured, staff_account_id";

    private static final RowMapper<CommentRow> ROW = (rs, n) -> {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new CommentRow(
                rs.getLong("id"),
                rs.getLong("article_id"),
                parentId,
                rs.getString("author_name"),
                rs.getString("body"),
                CommentStatus.fromDb(rs.getString("status")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getBoolean("featured"),
                rs.getLong("staff_account_id") != 0);
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CommentRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long insert(
            long articleId,
            @Nullable Long parentId,
            String name,
            @Nullable String email,
            String body,
            CommentStatus status,
            Instant createdAt,
            String clientAddressHash,
            List<String> reasons,
            @Nullable Double spamScore) {
        return jdbc.sql("""
                        INSERT INTO comment (article_id, parent_id, author_name, author_email, body, status,
                            created_at, client_address_hash, reasons, spam_score)
                        VALUES (:article, :parent, :name, :email, :body, :status, :created, :client, :reasons,
                            :spamScore)
                        RETURNING id""")
                .param("article", articleId)
                .param("parent", parentId, java.sql.Types.BIGINT)
                .param("name", name)
                .param("email", email, java.sql.Types.VARCHAR)
                .param("body", body)
                .param("status", status.dbValue())
                .param("created", createdAt.toEpochMilli())
                .param("client", clientAddressHash)
                .param("reasons", String.join("\n", reasons))
                .param("spamScore", spamScore, java.sql.Types.DOUBLE)
                .query(Long.class)
                .single();
    }

    /** Stores comments written elsewhere, in one batch where the database allows; their ids in order. */
    public List<Long> insertImported(List<ImportedComment> comments, String clientAddressHash) {
        return BatchInsert.returningIds(template, """
                INSERT INTO comment (article_id, parent_id, author_name, author_email, body, status,
                    created_at, client_address_hash, reasons, featured)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?)""", comments, (statement, comment) -> {
            statement.setLong(1, comment.articleId());
            if (comment.parentId() == null) {
                statement.setNull(2, Types.BIGINT);
            } else {
                statement.setLong(2, comment.parentId());
            }
            statement.setString(3, comment.authorName());
            statement.setString(4, comment.email());
            statement.setString(5, comment.body());
            statement.setString(6, comment.status().dbValue());
            statement.setLong(7, comment.postedAt().toEpochMilli());
            statement.setString(8, clientAddressHash);
            statement.setBoolean(9, comment.featured());
        });
    }

    /**
     * One page of an article's approved top-level comments in posting order: the featured ones
     * (first page only), or the others after a keyset position.
     */
    public List<CommentRow> findApprovedRoots(
            long articleId, boolean featured, @Nullable Instant afterTime, @Nullable Long afterId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE article_id = :article AND parent_id IS NULL"
                        + " AND status = 'approved' AND featured = :featured"
                        + (afterTime == null || afterId == null ? "" : " AND (created_at, id) > (:afterTime, :afterId)")
                        + " ORDER BY created_at, id LIMIT :limit")
                .param("article", articleId)
                .param("featured", featured)
                .param("afterTime", afterTime == null ? 0L : afterTime.toEpochMilli())
                .param("afterId", afterId == null ? 0L : afterId)
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    /** Every approved reply below these comments whose whole chain up to them is approved. */
    public List<CommentRow> findApprovedReplies(java.util.Collection<Long> rootIds) {
        if (rootIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("WITH RECURSIVE thread(id) AS ("
                        + " SELECT id FROM comment WHERE id IN (:roots)"
                        + " UNION ALL SELECT c.id FROM comment c JOIN thread t ON c.parent_id = t.id"
                        + " WHERE c.status || '' = 'approved')"
                        + " SELECT " + COLUMNS + " FROM comment WHERE id IN (SELECT id FROM thread)"
                        + " AND id NOT IN (:roots) ORDER BY created_at, id")
                .param("roots", rootIds)
                .query(ROW)
                .list();
    }

    /**
     * How many approved comments readers can see: approved, with every comment above them approved
     * too. In the recursive steps here and in {@link #findApprovedReplies}, {@code status || ''}
     * keeps SQLite's planner off the status index: with it, each step scanned every approved
     * comment (1.4 s for a 5,000-comment story, bench/comments-report.md) instead of following
     * {@code parent_id}.
     */
    public int countVisible(long articleId) {
        return jdbc.sql("WITH RECURSIVE visible(id) AS ("
                        + " SELECT id FROM comment WHERE article_id = ? AND parent_id IS NULL AND status = 'approved'"
                        + " UNION ALL SELECT c.id FROM comment c JOIN visible v ON c.parent_id = v.id"
                        + " WHERE c.status || '' = 'approved')"
                        + " SELECT COUNT(*) FROM visible")
                .param(articleId)
                .query(Integer.class)
                .single();
    }

    /** The latest moderation decision on any comment of an article, if one was ever made. */
    public Optional<Instant> findLastModeration(long articleId) {
        return jdbc.sql("SELECT MAX(moderated_at) AS t FROM comment WHERE article_id = ?")
                .param(articleId)
                .query((rs, n) ->
                        Optional.ofNullable(SqlValues.nullableLong(rs, "t")).map(Instant::ofEpochMilli))
                .single();
    }

    /**
     * The newest comments readers can see on an article (approved, with every comment above them
     * approved too, as {@link #countVisible} counts them), for the article's comment feed.
     */
    public List<CommentRow> findVisibleNewestFirst(long articleId, int limit) {
        return jdbc.sql("WITH RECURSIVE visible(id) AS ("
                        + " SELECT id FROM comment WHERE article_id = :article AND parent_id IS NULL AND status = 'approved'"
                        + " UNION ALL SELECT c.id FROM comment c JOIN visible v ON c.parent_id = v.id"
                        + " WHERE c.status || '' = 'approved')"
                        + " SELECT " + COLUMNS + " FROM comment WHERE id IN (SELECT id FROM visible)"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("article", articleId)
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    public List<CommentRow> findApprovedByArticle(long articleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE article_id = ? AND status = 'approved'"
                        + " ORDER BY created_at, id")
                .param(articleId)
                .query(ROW)
                .list();
    }

    public Optional<CommentRow> findApprovedById(long commentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE id = ? AND status = 'approved'")
                .param(commentId)
                .query(ROW)
                .optional();
    }

    public Optional<CommentRow> findApproved(long articleId, long commentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE id = ? AND article_id = ? AND status = 'approved'")
                .params(commentId, articleId)
                .query(ROW)
                .optional();
    }

    /** Those of these comments that are still stored (an erased comment nobody replied to is deleted). */
    public java.util.Set<Long> findStored(java.util.Collection<Long> commentIds) {
        java.util.Set<Long> stored = new java.util.HashSet<>();
        for (List<Long> ids : InLists.chunks(commentIds)) {
            stored.addAll(jdbc.sql("SELECT id FROM comment WHERE id IN (:ids)")
                    .param("ids", ids)
                    .query(Long.class)
                    .list());
        }
        return stored;
    }

    public Optional<CommentStatus> findStatus(long commentId) {
        return jdbc.sql("SELECT status FROM comment WHERE id = ?")
                .param(commentId)
                .query((rs, n) -> CommentStatus.fromDb(rs.getString(1)))
                .optional();
    }

    public void updateStatus(long commentId, CommentStatus status) {
        jdbc.sql("UPDATE comment SET status = ? WHERE id = ?")
                .params(status.dbValue(), commentId)
                .update();
    }

    public void markStaff(long commentId, long accountId) {
        jdbc.sql("UPDATE comment SET staff_account_id = ? WHERE id = ?")
                .params(accountId, commentId)
                .update();
    }

    /** The story a comment belongs to, if the comment exists. */
    public Optional<Long> findArticleId(long commentId) {
        return jdbc.sql("SELECT article_id FROM comment WHERE id = ?")
                .param(commentId)
                .query(Long.class)
                .optional();
    }

    /**
     * The client-address key that earlier versions kept in the database, removed from it as it is
     * read: it now lives outside the database it protects.
     */
    public java.util.Optional<String> takeLegacyHashKey() {
        java.util.Optional<String> key = jdbc.sql("SELECT secret FROM comment_hash_key WHERE name = 'client-address'")
                .query(String.class)
                .optional();
        jdbc.sql("DELETE FROM comment_hash_key WHERE name = 'client-address'").update();
        return key;
    }

    // The types below appear in the module's public face (Comments.activeBans(), ModerationUndo)
    // and, through ModerationUndo, in moderators' sessions stored in the database by class name:
    // they stay here so that both keep their names.

    /** A reader's report as stored, so an undone approval can put it back. */
    public record Report(String reporterKey, String reason, long createdAt) implements java.io.Serializable {}

    /**
     * A comment's moderation state before a desk action, enough to restore it.
     *
     * @param reports the readers' reports an approval clears
     */
    public record ModerationState(
            long id,
            String authorName,
            long createdAt,
            CommentStatus status,
            boolean featured,
            @Nullable String rejectionReason,
            @Nullable String moderatedBy,
            List<Report> reports)
            implements java.io.Serializable {}

    /** A ban as the desk lists it. */
    public record Ban(
            long id,
            @Nullable String email,
            String reason,
            @Nullable Instant until,
            String createdBy) {}
}
