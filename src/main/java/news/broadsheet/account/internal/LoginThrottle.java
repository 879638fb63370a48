package news.broadsheet.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import news.broadsheet.account.SignInSettings;
import news.broadsheet.shared.ClientAddress;
import news.broadsheet.shared.KeyedHash;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing ({@link SignInSettings}): too many failed sign-ins from one client
 * ({@link ClientAddress#key}: an IPv6 client by its /64) lock that client out, and too many for one
 * username from one client lock that pair out. Nothing locks an account by its name alone, so
 * guessing from elsewhere never keeps its owner out. Every attempt takes a place in the counts
 * before its password is checked, in one statement that counts and answers, so a parallel burst
 * cannot get more checks than the limit; a successful sign-in gives its place back. The counts live
 * in the database, so every node enforces the same lock, and usernames that do not exist are
 * counted exactly like real ones.
 */
@Component
public class LoginThrottle {

    /** A place that was refused because others already took the last ones: they finish in moments. */
    static final Duration SHORTLY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final KeyedHash keyedHash;
    private final SignInSettings settings;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, SignInSettings settings, Clock clock, KeyedHash keyedHash) {
        this.keyedHash = keyedHash;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One attempt's place in a count, counted as a failure until given back.
     *
     * @param position how many attempts the count holds with this one
     * @param refusedFor when the place was refused, how long until the count lets attempts in again
     */
    record Place(
            String key, int limit, int position, @Nullable Duration refusedFor) {

        boolean refused() {
            return refusedFor != null;
        }

        /** Whether this attempt's failure uses up the count. */
        boolean last() {
            return position >= limit;
        }
    }

    /** Takes a place for an attempt from this client address, whatever the username. */
    Place takeForClient(String remoteAddress) {
        return take("address:" + hash(ClientAddress.key(remoteAddress)), settings.addressLimit());
    }

    /** Takes a place for an attempt on this username from this client address. */
    Place takeForAccount(String username, String remoteAddress) {
        return take(accountPrefix(username) + hash(ClientAddress.key(remoteAddress)), settings.usernameLimit());
    }

    /** The attempt was never checked, or succeeded: it does not count against the client. */
    void giveBack(Place place) {
        jdbc.sql("UPDATE login_throttle SET failures = failures - 1 WHERE throttle_key = ? AND failures > 0")
                .param(place.key())
                .update();
    }

    /** The right password from this client: its failures for the username are forgotten. */
    void forget(Place place) {
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?")
                .param(place.key())
                .update();
    }

    /**
     * The attempt failed and keeps its place; when it was the last one the count allows, the lock
     * starts. Returns whether this failure started it.
     */
    boolean failed(Place place) {
        if (!place.last()) {
            return false;
        }
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE login_throttle SET locked_until = :until
                        WHERE throttle_key = :key AND (locked_until IS NULL OR locked_until <= :now)""")
                        .param("until", now.plus(settings.lock()).toEpochMilli())
                        .param("key", place.key())
                        .param("now", now.toEpochMilli())
                        .update()
                > 0;
    }

    /**
     * Forgets the counts that no longer hold anything back: their window passed without a lock, or
     * their lock is over (a count starts again from nothing then anyway). Without this the table
     * kept a row for every client that ever failed to sign in. Any node may run it.
     */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    int forgetSpentCounts() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        DELETE FROM login_throttle
                        WHERE (locked_until IS NULL AND window_started_at < :windowStart) OR locked_until <= :now""")
                .param("now", now.toEpochMilli())
                .param("windowStart", now.minus(settings.window()).toEpochMilli())
                .update();
    }

    /** Lifts every lock on this username, from every client (its password was just set). */
    public void forgetAccount(String username) {
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key LIKE ?")
                .param(accountPrefix(username) + "%")
                .update();
    }

    private Place take(String key, int limit) {
        Instant now = clock.instant();
        // A count starts again when its window has passed without a lock, or when its lock is over.
        String fresh = """
                ((login_throttle.locked_until IS NULL AND login_throttle.window_started_at < :windowStart)
                    OR login_throttle.locked_until <= :now)""";
        Place place = jdbc.sql("""
                        INSERT INTO login_throttle (throttle_key, failures, window_started_at, locked_until)
                        VALUES (:key, 1, :now, NULL)
                        ON CONFLICT (throttle_key) DO UPDATE SET
                            failures = CASE WHEN %1$s THEN 1 ELSE login_throttle.failures + 1 END,
                            window_started_at = CASE WHEN %1$s THEN :now ELSE login_throttle.window_started_at END,
                            locked_until = CASE WHEN %1$s THEN NULL ELSE login_throttle.locked_until END
                        RETURNING failures, locked_until""".formatted(fresh))
                .param("key", key)
                .param("now", now.toEpochMilli())
                .param("windowStart", now.minus(settings.window()).toEpochMilli())
                .query((rs, n) -> {
                    int position = rs.getInt("failures");
                    long lockedUntil = rs.getLong("locked_until");
                    Duration wait = lockedUntil > now.toEpochMilli()
                            ? Duration.between(now, Instant.ofEpochMilli(lockedUntil))
                            : position > limit ? SHORTLY : null;
                    return new Place(key, limit, position, wait);
                })
                .single();
        if (place.refused()) {
            // A refused attempt is checked by no one and must not keep the count up once the
            // attempts ahead of it have finished.
            giveBack(place);
        }
        return place;
    }

    private String accountPrefix(String username) {
        return "account:" + hash(username) + ":";
    }

    /** Keyed, so that the table alone does not give away which addresses or names tried. */
    private String hash(String value) {
        return keyedHash.of(value).substring(0, 32);
    }
}
