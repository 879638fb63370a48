package news.broadsheet.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import news.broadsheet.account.PasswordResetSettings;
import news.broadsheet.shared.ClientAddress;
import news.broadsheet.shared.KeyedHash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Limits password-reset requests per e-mail address and per client address in a fixed window
 * ({@link PasswordResetSettings}), counted before anything else is done for the request. Counts
 * live in the database and are taken and read in one statement, so every node applies the same
 * limits and parallel requests cannot slip past them; addresses are stored only as hashes, and
 * unknown ones are counted like real ones.
 */
@Component
public class ResetThrottle {

    private final JdbcClient jdbc;
    private final KeyedHash keyedHash;
    private final PasswordResetSettings settings;
    private final Clock clock;

    ResetThrottle(JdbcClient jdbc, PasswordResetSettings settings, Clock clock, KeyedHash keyedHash) {
        this.keyedHash = keyedHash;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Counts a request from this client ({@link ClientAddress#key}: an IPv6 client by its /64);
     * returns how long it must wait when it is over the limit.
     */
    public Optional<Duration> countClient(String clientAddress) {
        return count("client:" + hash(ClientAddress.key(clientAddress)), settings.clientLimit());
    }

    /** Counts a request for this e-mail address; returns how long until another is sent when it is over the limit. */
    public Optional<Duration> countEmail(String email) {
        return count("email:" + hash(email.strip().toLowerCase(Locale.ROOT)), settings.addressLimit());
    }

    private Optional<Duration> count(String key, int limit) {
        Instant now = clock.instant();
        long windowStart = now.minus(settings.window()).toEpochMilli();
        // One statement counts and answers, so a burst of parallel requests cannot all read a count
        // below the limit before any of them is added.
        return jdbc.sql("""
                        INSERT INTO reset_request_throttle (throttle_key, requests, window_started_at)
                        VALUES (:key, 1, :now)
                        ON CONFLICT (throttle_key) DO UPDATE SET
                            requests = CASE WHEN reset_request_throttle.window_started_at <= :windowStart
                                THEN 1 ELSE reset_request_throttle.requests + 1 END,
                            window_started_at = CASE WHEN reset_request_throttle.window_started_at <= :windowStart
                                THEN :now ELSE reset_request_throttle.window_started_at END
                        RETURNING requests, window_started_at""")
                .param("key", key)
                .param("now", now.toEpochMilli())
                .param("windowStart", windowStart)
                .query((rs, n) -> rs.getInt("requests") > limit
                        ? Optional.of(Duration.between(
                                now,
                                Instant.ofEpochMilli(rs.getLong("window_started_at"))
                                        .plus(settings.window())))
                        : Optional.<Duration>empty())
                .single();
    }

    /** Keyed, so that the table alone does not give away which addresses or names tried. */
    private String hash(String value) {
        return keyedHash.of(value).substring(0, 32);
    }
}
