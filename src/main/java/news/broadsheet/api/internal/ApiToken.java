package news.broadsheet.api.internal;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A personal access token as stored: never its secret, only a hash and a visible prefix. */
public record ApiToken(
        long id,
        long accountId,
        String name,
        String prefix,
        Set<ApiScope> scopes,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant expiresAt,
        @Nullable Instant revokedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
