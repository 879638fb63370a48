package news.broadsheet.account.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import news.broadsheet.account.LinkPurpose;
import news.broadsheet.shared.Digests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time links for invitations and password resets. The token goes into the e-mail; only its
 * SHA-256 hash is stored, so the table holds nothing that opens an account. A link works once,
 * until it expires, and only while it is the newest of its kind for the account.
 */
@Component
public class AccountLinks {

    /** 32 random bytes, base64url without padding. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Makes a new link for the account, ending its earlier unused ones of the same kind; returns the token. */
    public String issue(long accountId, LinkPurpose purpose) {
        Instant now = clock.instant();
        revoke(accountId, purpose);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO account_link (account_id, purpose, token_hash, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(
                        accountId,
                        purpose.dbValue(),
                        Digests.ofSecret(token),
                        now.toEpochMilli(),
                        now.plus(purpose.validity()).toEpochMilli())
                .update();
        return token;
    }

    /** Ends every unused link of this kind for the account. */
    public void revoke(long accountId, LinkPurpose purpose) {
        jdbc.sql("UPDATE account_link SET used_at = ? WHERE account_id = ? AND purpose = ? AND used_at IS NULL")
                .params(clock.instant().toEpochMilli(), accountId, purpose.dbValue())
                .update();
    }

    /** The hash under which a token is stored, or empty when the text cannot be a token at all. */
    public static Optional<String> hashOf(String token) {
        return TOKEN.matcher(token).matches() ? Optional.of(Digests.ofSecret(token)) : Optional.empty();
    }

    /** The account a working (unused, unexpired) link belongs to. */
    public Optional<Long> accountFor(String tokenHash, LinkPurpose purpose) {
        return jdbc.sql("SELECT account_id FROM account_link"
                        + " WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?")
                .params(tokenHash, purpose.dbValue(), clock.instant().toEpochMilli())
                .query(Long.class)
                .optional();
    }

    /** Marks a working link used; false when it was not working (used meanwhile, or expired). */
    public boolean use(String tokenHash, LinkPurpose purpose) {
        long now = clock.instant().toEpochMilli();
        return jdbc.sql("UPDATE account_link SET used_at = ?"
                                + " WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?")
                        .params(now, tokenHash, purpose.dbValue(), now)
                        .update()
                == 1;
    }
}
