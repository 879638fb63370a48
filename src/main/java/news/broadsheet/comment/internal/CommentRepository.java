package news.broadsheet.comment.internal;

import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.ImportedComment;
import news.broadsheet.shared.BatchInsert;
import news.broadsheet.shared.SqlValues;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the {@code comment} table. */
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

    /**
     * The newest comments readers can see on an article (approved, with every comment above them
     * approved too, as {@link #countVisible} counts them), for the article's comment feed.
     */
    /** The latest moderation decision on any comment of an article, if one was ever made. */
    public Optional<Instant> findLastModeration(long articleId) {
        return jdbc.sql("SELECT MAX(moderated_at) AS t FROM comment WHERE article_id = ?")
                .param(articleId)
                .query((rs, n) ->
                        Optional.ofNullable(SqlValues.nullableLong(rs, "t")).map(Instant::ofEpochMilli))
                .single();
    }

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

    // --- the desk ---------------------------------------------------------------------------

    /** A queue page: comments in one status, newest first, after a keyset position. */
    public List<news.broadsheet.comment.QueuedComment> findQueue(
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
    public List<news.broadsheet.comment.QueuedComment> findQueue(
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
        List<news.broadsheet.comment.QueuedComment> rows = statement
                .query((rs, n) -> {
                    String parent = rs.getString("parent_body");
                    String reasons = rs.getString("reasons");
                    return new news.broadsheet.comment.QueuedComment(
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
                            parent == null ? null : parent.length() > 140 ? parent.substring(0, 140) + "…" : parent,
                            0,
                            0,
                            false,
                            java.util.Map.of(),
                            rs.getString("rejection_reason"));
                })
                .list();
        return rows;
    }

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

    public void markStaff(long commentId, long accountId) {
        jdbc.sql("UPDATE comment SET staff_account_id = ? WHERE id = ?")
                .params(accountId, commentId)
                .update();
    }

    public void setFeatured(long commentId, boolean featured) {
        jdbc.sql("UPDATE comment SET featured = ? WHERE id = ?")
                .params(featured, commentId)
                .update();
    }

    // --- notifications ----------------------------------------------------------------------

    public void enableReplyNotifications(long commentId, String token) {
        jdbc.sql("UPDATE comment SET notify_replies = TRUE, unsubscribe_token = ? WHERE id = ?")
                .params(token, commentId)
                .update();
    }

    /** Who to tell about a reply: the parent comment's author, when they asked and gave an email. */
    public record ReplyNotice(
            long articleId, String replyAuthor, String replyBody, String parentEmail, String parentToken) {}

    public Optional<ReplyNotice> findReplyNotice(long replyId) {
        return jdbc
                .sql("SELECT r.article_id, r.author_name, r.body, r.author_email AS reply_email,"
                        + " p.author_email, p.unsubscribe_token FROM comment r JOIN comment p ON p.id = r.parent_id"
                        + " WHERE r.id = ? AND p.notify_replies = TRUE AND p.author_email IS NOT NULL"
                        + " AND p.unsubscribe_token IS NOT NULL")
                .param(replyId)
                .query((rs, n) -> {
                    String replyEmail = rs.getString("reply_email");
                    String parentEmail = rs.getString("author_email");
                    // Nobody is told about their own replies.
                    if (parentEmail.equalsIgnoreCase(replyEmail == null ? "" : replyEmail)) {
                        return null;
                    }
                    return new ReplyNotice(
                            rs.getLong("article_id"),
                            rs.getString("author_name"),
                            rs.getString("body"),
                            parentEmail,
                            rs.getString("unsubscribe_token"));
                })
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    public boolean hasUnsubscribeToken(String token) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE unsubscribe_token = ?")
                        .param(token)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Stops reply notifications for the comment with this token; false if no comment has it. */
    public boolean unsubscribe(String token) {
        return jdbc.sql("UPDATE comment SET notify_replies = FALSE WHERE unsubscribe_token = ?")
                        .param(token)
                        .update()
                > 0;
    }

    // --- bans and reports -------------------------------------------------------------------

    /** Stores a ban; its id, so the desk can lift it again when the moderator undoes the action. */
    public long insertBan(
            @Nullable String email,
            String addressHash,
            String reason,
            @Nullable Instant until,
            String by,
            Instant now) {
        return jdbc.sql("INSERT INTO comment_ban (email, client_address_hash, reason, until_at, created_by, created_at)"
                        + " VALUES (:email, :address, :reason, :until, :by, :now) RETURNING id")
                .param("email", email, java.sql.Types.VARCHAR)
                .param("address", addressHash)
                .param("reason", reason)
                .param("until", until == null ? null : until.toEpochMilli(), java.sql.Types.BIGINT)
                .param("by", by)
                .param("now", now.toEpochMilli())
                .query(Long.class)
                .single();
    }

    public boolean isBanned(@Nullable String email, String addressHash, Instant now) {
        return jdbc.sql(
                                "SELECT COUNT(*) FROM comment_ban WHERE (client_address_hash = :address OR LOWER(email) = LOWER(:email))"
                                        + " AND (until_at IS NULL OR until_at > :now)")
                        .param("address", addressHash)
                        .param("email", email == null ? "" : email)
                        .param("now", now.toEpochMilli())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** A ban as the desk lists it. */
    public record Ban(
            long id,
            @Nullable String email,
            String reason,
            @Nullable Instant until,
            String createdBy) {}

    public List<Ban> findActiveBans(Instant now) {
        return jdbc.sql("SELECT id, email, reason, until_at, created_by FROM comment_ban"
                        + " WHERE until_at IS NULL OR until_at > ? ORDER BY id DESC")
                .param(now.toEpochMilli())
                .query((rs, n) -> {
                    long until = rs.getLong("until_at");
                    Instant end = rs.wasNull() ? null : Instant.ofEpochMilli(until);
                    return new Ban(
                            rs.getLong("id"),
                            rs.getString("email"),
                            rs.getString("reason"),
                            end,
                            rs.getString("created_by"));
                })
                .list();
    }

    public void liftBan(long id, Instant now) {
        jdbc.sql("UPDATE comment_ban SET until_at = ? WHERE id = ?")
                .params(now.toEpochMilli(), id)
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

    // --- rules ------------------------------------------------------------------------------

    /**
     * Comments since a moment from this email (when given) or this client address, whichever is
     * more, counted up to {@code enough}: a flood check needs to know whether the limit is reached,
     * not how far beyond it a flooder went.
     */
    public int countRecent(@Nullable String email, String addressHash, Instant since, int enough) {
        int byAddress = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM comment WHERE client_address_hash = ?"
                        + " AND created_at >= ? LIMIT ?) recent")
                .params(addressHash, since.toEpochMilli(), enough)
                .query(Integer.class)
                .single();
        if (email == null || byAddress >= enough) {
            return byAddress;
        }
        int byEmail = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM comment WHERE LOWER(author_email) = LOWER(?)"
                        + " AND created_at >= ? LIMIT ?) recent")
                .params(email, since.toEpochMilli(), enough)
                .query(Integer.class)
                .single();
        return Math.max(byAddress, byEmail);
    }

    /** The oldest of the comments counted by {@link #countRecent}, to tell a flooder when to try again. */
    public Optional<Instant> oldestRecent(@Nullable String email, String addressHash, Instant since) {
        return jdbc
                .sql(
                        "SELECT MIN(created_at) FROM comment WHERE (client_address_hash = :address OR LOWER(author_email) = LOWER(:email))"
                                + " AND created_at >= :since")
                .param("address", addressHash)
                .param("email", email == null ? "" : email)
                .param("since", since.toEpochMilli())
                .query((rs, n) -> rs.getLong(1))
                .list()
                .stream()
                .filter(millis -> millis > 0)
                .findFirst()
                .map(Instant::ofEpochMilli);
    }

    public boolean postedSameTextSince(@Nullable String email, String addressHash, String body, Instant since) {
        return jdbc.sql(
                                "SELECT COUNT(*) FROM (SELECT 1 FROM comment WHERE (client_address_hash = :address"
                                        + " OR LOWER(author_email) = LOWER(:email)) AND body = :body AND created_at >= :since LIMIT 1) same")
                        .param("address", addressHash)
                        .param("email", email == null ? "" : email)
                        .param("body", body)
                        .param("since", since.toEpochMilli())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** How a commenter's comments were decided: approved and rejected (spam included) counts. */
    public record History(int approved, int rejected) {}

    private static final String RECORD_COUNTS = "SELECT"
            + " SUM(CASE WHEN status = 'approved' THEN 1 ELSE 0 END) AS approved,"
            + " SUM(CASE WHEN status IN ('rejected', 'spam') THEN 1 ELSE 0 END) AS rejected";

    private static final RowMapper<History> HISTORY =
            (rs, n) -> new History(rs.getInt("approved"), rs.getInt("rejected"));

    /**
     * The commenter's record over their newest comments posted since a moment: at most {@code
     * newest} of them, so a prolific regular costs no more to judge than anyone else.
     */
    public History history(@Nullable String email, String addressHash, Instant since, int newest) {
        return byCommenter(
                        RECORD_COUNTS + " FROM (SELECT status FROM comment WHERE " + commenter(email)
                                + " AND created_at >= :since ORDER BY created_at DESC LIMIT :newest) AS recent",
                        email,
                        addressHash)
                .param("since", since.toEpochMilli())
                .param("newest", newest)
                .query(HISTORY)
                .single();
    }

    /** The commenter's whole record, as the moderation desk shows it. */
    public History history(@Nullable String email, String addressHash) {
        return byCommenter(RECORD_COUNTS + " FROM comment WHERE " + commenter(email), email, addressHash)
                .query(HISTORY)
                .single();
    }

    /** The commenter's approved comments, counted up to {@code enough}: all a trust check needs. */
    public int approvedUpTo(@Nullable String email, String addressHash, int enough) {
        return byCommenter(
                        "SELECT COUNT(*) FROM (SELECT 1 FROM comment WHERE " + commenter(email)
                                + " AND status = 'approved' LIMIT :enough) AS approved",
                        email,
                        addressHash)
                .param("enough", enough)
                .query(Integer.class)
                .single();
    }

    /** A commenter is known by their e-mail address when they gave one, else by their address's hash. */
    private static String commenter(@Nullable String email) {
        return email == null ? "client_address_hash = :address" : "LOWER(author_email) = LOWER(:email)";
    }

    private JdbcClient.StatementSpec byCommenter(String sql, @Nullable String email, String addressHash) {
        return jdbc.sql(sql).param("address", addressHash).param("email", email == null ? "" : email);
    }

    public Optional<String> setting(String name) {
        return jdbc.sql("SELECT value FROM moderation_setting WHERE name = ?")
                .param(name)
                .query(String.class)
                .optional();
    }

    public void saveSetting(String name, String value) {
        jdbc.sql("INSERT INTO moderation_setting (name, value) VALUES (?, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                .params(name, value)
                .update();
    }

    /** A policy override for a section or an article. */
    public record PolicyOverride(
            @Nullable String moderation, @Nullable Integer closeAfterDays) {}

    public Optional<PolicyOverride> policy(String scope, long scopeId) {
        return jdbc.sql("SELECT moderation, close_after_days FROM comment_policy WHERE scope = ? AND scope_id = ?")
                .params(scope, scopeId)
                .query((rs, n) -> {
                    String moderation = rs.getString("moderation");
                    int days = rs.getInt("close_after_days");
                    return new PolicyOverride(moderation, rs.wasNull() ? null : days);
                })
                .optional();
    }

    /**
     * The overrides of a story and of sections, in one query: the story's under {@code "article"},
     * each section's under its id.
     */
    public PolicyOverrides policies(long articleId, List<Long> sectionIds) {
        Map<Long, PolicyOverride> sections = new HashMap<>();
        PolicyOverride[] article = new PolicyOverride[1];
        String sql = "SELECT scope, scope_id, moderation, close_after_days FROM comment_policy"
                + " WHERE (scope = 'article' AND scope_id = :article)"
                + (sectionIds.isEmpty() ? "" : " OR (scope = 'section' AND scope_id IN (:sections))");
        var statement = jdbc.sql(sql).param("article", articleId);
        if (!sectionIds.isEmpty()) {
            statement = statement.param("sections", sectionIds);
        }
        statement.query(rs -> {
            String moderation = rs.getString("moderation");
            int days = rs.getInt("close_after_days");
            PolicyOverride override = new PolicyOverride(moderation, rs.wasNull() ? null : days);
            if ("article".equals(rs.getString("scope"))) {
                article[0] = override;
            } else {
                sections.put(rs.getLong("scope_id"), override);
            }
        });
        return new PolicyOverrides(article[0], Map.copyOf(sections));
    }

    /** A story's own override (or null) and its sections' overrides by section id. */
    public record PolicyOverrides(@Nullable PolicyOverride article, Map<Long, PolicyOverride> sections) {}

    public void savePolicy(String scope, long scopeId, @Nullable String moderation, @Nullable Integer closeAfterDays) {
        jdbc.sql("DELETE FROM comment_policy WHERE scope = ? AND scope_id = ?")
                .params(scope, scopeId)
                .update();
        if (moderation != null || closeAfterDays != null) {
            jdbc.sql("INSERT INTO comment_policy (scope, scope_id, moderation, close_after_days)"
                            + " VALUES (:scope, :id, :moderation, :days)")
                    .param("scope", scope)
                    .param("id", scopeId)
                    .param("moderation", moderation, java.sql.Types.VARCHAR)
                    .param("days", closeAfterDays, java.sql.Types.INTEGER)
                    .update();
        }
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

    /** The story a comment belongs to, if the comment exists. */
    public Optional<Long> findArticleId(long commentId) {
        return jdbc.sql("SELECT article_id FROM comment WHERE id = ?")
                .param(commentId)
                .query(Long.class)
                .optional();
    }
}
