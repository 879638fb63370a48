package news.broadsheet.api.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import news.broadsheet.shared.SqlValues;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_token} table. */
@Repository
class ApiTokenRepository {

    private static final String COLUMNS =
            "id, account_id, name, prefix, scopes, created_at, last_used_at, expires_at, revoked_at";

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            long accountId,
            String name,
            String secretHash,
            String prefix,
            Set<ApiScope> scopes,
            Instant createdAt,
            @Nullable Instant expiresAt) {
        return jdbc.sql("INSERT INTO api_token (account_id, name, secret_hash, prefix, scopes, created_at, expires_at)"
                        + " VALUES (:account, :name, :hash, :prefix, :scopes, :created, :expires) RETURNING id")
                .param("account", accountId)
                .param("name", name)
                .param("hash", secretHash)
                .param("prefix", prefix)
                .param("scopes", scopes.stream().map(ApiScope::value).collect(Collectors.joining(" ")))
                .param("created", createdAt.toEpochMilli())
                .param("expires", expiresAt == null ? null : expiresAt.toEpochMilli(), java.sql.Types.BIGINT)
                .query(Long.class)
                .single();
    }

    Optional<ApiToken> findByHash(String secretHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE secret_hash = ?")
                .param(secretHash)
                .query((rs, n) -> token(rs))
                .optional();
    }

    Optional<ApiToken> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE id = ?")
                .param(id)
                .query((rs, n) -> token(rs))
                .optional();
    }

    /** Tokens of one account, or of everyone (null), newest first. */
    List<ApiToken> find(@Nullable Long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token"
                        + (accountId == null ? "" : " WHERE account_id = :account")
                        + " ORDER BY created_at DESC, id DESC")
                .params(accountId == null ? java.util.Map.of() : java.util.Map.of("account", accountId))
                .query((rs, n) -> token(rs))
                .list();
    }

    boolean revoke(long id, Instant at) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                        .param(at.toEpochMilli())
                        .param(id)
                        .update()
                > 0;
    }

    /** Records use unless it was recorded less than {@code every} ago (by this node or another). */
    void touch(long id, Instant at, Duration every) {
        jdbc.sql("UPDATE api_token SET last_used_at = :at WHERE id = :id"
                        + " AND (last_used_at IS NULL OR last_used_at < :stale)")
                .param("at", at.toEpochMilli())
                .param("id", id)
                .param("stale", at.minus(every).toEpochMilli())
                .update();
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(rs.getString("scopes").split(" "))
                .map(ApiScope::of)
                .flatMap(Optional::stream)
                .forEach(scopes::add);
        return new ApiToken(
                rs.getLong("id"),
                rs.getLong("account_id"),
                rs.getString("name"),
                rs.getString("prefix"),
                scopes,
                Instant.ofEpochMilli(rs.getLong("created_at")),
                instant(SqlValues.nullableLong(rs, "last_used_at")),
                instant(SqlValues.nullableLong(rs, "expires_at")),
                instant(SqlValues.nullableLong(rs, "revoked_at")));
    }

    private static @Nullable Instant instant(@Nullable Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
