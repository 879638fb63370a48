package news.broadsheet.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Counts of failed sign-ins are forgotten once they hold nothing back; live counts and locks stay. */
@IntegrationTest
class LoginThrottlePruningIntegrationTests {

    @Autowired
    LoginThrottle throttle;

    @Autowired
    MutableClock clock;

    @Autowired
    TestDatabaseQueries database;

    @Test
    void forgetsSpentCountsAndKeepsLiveOnesAndLocks() {
        long now = clock.instant().toEpochMilli();
        long hour = Duration.ofHours(1).toMillis();
        insert("prune-test:old-window", now - hour, null);
        insert("prune-test:lock-over", now - 2 * hour, now - hour);
        insert("prune-test:live-window", now - 60_000, null);
        insert("prune-test:locked", now - 60_000, now + hour);

        throttle.forgetSpentCounts();

        assertThat(database.jdbc()
                        .sql("SELECT throttle_key FROM login_throttle WHERE throttle_key LIKE 'prune-test:%'"
                                + " ORDER BY throttle_key")
                        .query(String.class)
                        .list())
                .containsExactly("prune-test:live-window", "prune-test:locked");
    }

    private void insert(String key, long windowStartedAt, Long lockedUntil) {
        database.jdbc()
                .sql("INSERT INTO login_throttle (throttle_key, failures, window_started_at, locked_until)"
                        + " VALUES (?, 3, ?, ?)")
                .params(key, windowStartedAt, lockedUntil)
                .update();
    }
}
