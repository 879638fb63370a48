package news.broadsheet.comment.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.broadsheet.comment.CommentStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the {@code comment} table. */
@Repository
public class CommentRepository {

    private static final String COLUMNS = "id, article_id, parent_id, author_name, body, status, created_at";

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
                Instant.ofEpochMilli(rs.getLong("created_at")));
    };

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            long articleId,
            @Nullable Long parentId,
            String name,
            @Nullable String email,
            String body,
            CommentStatus status,
            Instant createdAt,
            String clientAddressHash) {
        return jdbc.sql("""
                        INSERT INTO comment (article_id, parent_id, author_name, author_email, body, status,
                            created_at, client_address_hash)
                        VALUES (:article, :parent, :name, :email, :body, :status, :created, :client)
                        RETURNING id""")
                .param("article", articleId)
                .param("parent", parentId, java.sql.Types.BIGINT)
                .param("name", name)
                .param("email", email, java.sql.Types.VARCHAR)
                .param("body", body)
                .param("status", status.dbValue())
                .param("created", createdAt.toEpochMilli())
                .param("client", clientAddressHash)
                .query(Long.class)
                .single();
    }

    public List<CommentRow> findApprovedByArticle(long articleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE article_id = ? AND status = 'approved'"
                        + " ORDER BY created_at, id")
                .param(articleId)
                .query(ROW)
                .list();
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

    /** The named secret, created from the candidate if no node has made one yet. */
    public String hashKey(String name, String candidate) {
        jdbc.sql("INSERT INTO comment_hash_key (name, secret) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
                .params(name, candidate)
                .update();
        return jdbc.sql("SELECT secret FROM comment_hash_key WHERE name = ?")
                .param(name)
                .query(String.class)
                .single();
    }
}
