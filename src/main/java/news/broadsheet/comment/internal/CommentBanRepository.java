package news.broadsheet.comment.internal;

import java.time.Instant;
import java.util.List;
import news.broadsheet.comment.internal.CommentRepository.Ban;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the {@code comment_ban} table: who may not comment, and until when. */
@Repository
public class CommentBanRepository {

    private final JdbcClient jdbc;

    CommentBanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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
}
