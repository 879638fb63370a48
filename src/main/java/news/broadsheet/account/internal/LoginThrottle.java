package news.broadsheet.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import news.broadsheet.account.SignInSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: too many failed sign-ins for one username, or from one client
 * address, lock further attempts for a while ({@link SignInSettings}). The counts live in
 * the database, so every node enforces the same lock, and usernames that do not exist are counted
 * exactly like real ones.
 */
@Component
public class LoginThrottle {

    private final JdbcClient jdbc;
    private final SignInSettings settings;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, SignInSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** How long until sign-in is allowed again for this username or address; empty when it is. */
    public Optional<Duration> lockedFor(String username, String addressKey) {
        Instant now = clock.instant();
        return jdbc
                .sql("SELECT MAX(locked_until) FROM login_throttle WHERE throttle_key IN (?, ?) AND locked_until > ?")
                .params(userKey(username), addressKey, now.toEpochMilli())
                .query((rs, n) -> rs.getLong(1))
                .list()
                .stream()
                .filter(until -> until > 0)
                .findFirst()
                .map(until -> Duration.between(now, Instant.ofEpochMilli(until)));
    }

    public void recordFailure(String username, String addressKey) {
        if (!username.isEmpty()) {
            record(userKey(username), settings.usernameLimit());
        }
        record(addressKey, settings.addressLimit());
    }

    public void recordSuccess(String username) {
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?")
                .param(userKey(username))
                .update();
    }

    private void record(String key, int limit) {
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO login_throttle (throttle_key, failures, window_started_at, locked_until)
                        VALUES (:key, 1, :now, NULL)
                        ON CONFLICT (throttle_key) DO UPDATE SET
                            failures = CASE WHEN login_throttle.window_started_at < :windowStart
                                THEN 1 ELSE login_throttle.failures + 1 END,
                            window_started_at = CASE WHEN login_throttle.window_started_at < :windowStart
                                THEN :now ELSE login_throttle.window_started_at END""")
                .param("key", key)
                .param("now", now.toEpochMilli())
                .param("windowStart", now.minus(settings.window()).toEpochMilli())
                .update();
        jdbc.sql("UPDATE login_throttle SET locked_until = ? WHERE throttle_key = ? AND failures >= ?")
                .params(now.plus(settings.lock()).toEpochMilli(), key, limit)
                .update();
    }

    private static String userKey(String username) {
        return "user:" + username;
    }
}
