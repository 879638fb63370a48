package news.broadsheet.comment.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import news.broadsheet.comment.ArchivedComment;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.shared.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL behind {@link news.broadsheet.comment.CommentArchive}. */
@Repository
public class CommentArchiveRepository {

    private final JdbcClient jdbc;

    CommentArchiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long findMaxId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM comment")
                .query(Long.class)
                .single();
    }

    public List<ArchivedComment> find(
            Collection<Long> articleIds, long afterArticleId, long afterCommentId, long upToId, int limit) {
        return jdbc.sql("""
                        SELECT id, article_id, parent_id, author_name, author_email, body, status, created_at,
                            featured, staff_account_id
                        FROM comment
                        WHERE article_id IN (:articles) AND id <= :upTo
                            AND (article_id > :afterArticle OR (article_id = :afterArticle AND id > :afterComment))
                        ORDER BY article_id, id LIMIT :limit""")
                .param("articles", articleIds)
                .param("upTo", upToId)
                .param("afterArticle", afterArticleId)
                .param("afterComment", afterCommentId)
                .param("limit", limit)
                .query((rs, n) -> new ArchivedComment(
                        rs.getLong("id"),
                        rs.getLong("article_id"),
                        SqlValues.nullableLong(rs, "parent_id"),
                        rs.getString("author_name"),
                        rs.getString("author_email"),
                        rs.getString("body"),
                        CommentStatus.fromDb(rs.getString("status")),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        rs.getBoolean("featured"),
                        SqlValues.nullableLong(rs, "staff_account_id") != null))
                .list();
    }
}
