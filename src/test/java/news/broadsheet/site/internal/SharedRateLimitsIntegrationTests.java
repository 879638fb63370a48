package news.broadsheet.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import news.broadsheet.shared.KeyedHash;
import news.broadsheet.shared.RateLimits;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.SecondNode;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Rate limits kept in the database count one client's requests to every node together, so a
 * second node behind the load balancer gives no second allowance; the table holds no address.
 */
@IntegrationTest(
        properties = {
            "broadsheet.rate-limit.store=database",
            "broadsheet.rate-limit.search-per-minute=3",
            "broadsheet.privacy.hash-key=" + SharedRateLimitsIntegrationTests.SITE_KEY
        })
class SharedRateLimitsIntegrationTests {

    /** Every node of a site hashes clients with the same key, as the operations guide says. */
    static final String SITE_KEY = "5f1c9a7e3b2d4c6e8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f";

    @Autowired
    Http http;

    @Autowired
    Environment environment;

    @Autowired
    SharedRateLimits limits;

    @Autowired
    MutableClock clock;

    @Autowired
    TestDatabaseQueries database;

    @Autowired
    DataSource dataSource;

    @Autowired
    KeyedHash hash;

    @Test
    void aClientRefusedOnOneNodeIsRefusedOnTheOtherToo() throws Exception {
        try (SecondNode second = SecondNode.start(
                environment,
                Map.of(
                        "broadsheet.rate-limit.store",
                        "database",
                        "broadsheet.rate-limit.search-per-minute",
                        "3",
                        "broadsheet.privacy.hash-key",
                        SITE_KEY))) {
            Http first = http.browserAt("127.0.0.31");
            // The other node keeps the real time: both nodes' clocks agree, as a site's must.
            clock.set(java.time.Instant.now());

            assertThat(first.get("/search?q=tides").status())
                    .as("a burst of one")
                    .isEqualTo(200);
            Http.Response elsewhere = second.http().browserAt("127.0.0.31").get("/search?q=tides+again");
            assertThat(first.get("/search?q=tides+third").status())
                    .as("and again at the first")
                    .isEqualTo(429);
            assertThat(elsewhere.status())
                    .as("the same client at the other node")
                    .isEqualTo(429);
            assertThat(elsewhere.header("Retry-After")).isNotNull();
            assertThat(second.http()
                            .browserAt("127.0.0.32")
                            .get("/search?q=tides")
                            .status())
                    .as("another client at the other node")
                    .isEqualTo(200);
        }
        assertThat(database.jdbc()
                        .sql("SELECT id FROM rate_limit_bucket")
                        .query(String.class)
                        .list())
                .as("buckets are keyed by a keyed hash, never the address")
                .isNotEmpty()
                .allSatisfy(id -> assertThat(id).doesNotContain("127.0.0").matches("[a-z-]+ [0-9a-f]{64}"));
    }

    @Test
    void anAllowanceRefillsWithTimeAndFullBucketsArePruned() {
        RateLimits.Limit limit = new RateLimits.Limit("test-refill", 2, 2, Duration.ofMinutes(1));
        String client = "2001:db8:7:1::1";

        assertThat(limits.take(limit, client)).isZero();
        assertThat(limits.take(limit, "2001:db8:7:1::2"))
                .as("another address in the same /64 is the same client")
                .isZero();
        Duration wait = limits.take(limit, client);
        assertThat(wait).as("the burst is spent").isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(31));
        assertThat(limits.take(limit, client))
                .as("one use refilled after half a minute")
                .isZero();

        clock.advance(Duration.ofMinutes(5));
        limits.prune();
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM rate_limit_bucket WHERE id LIKE 'test-refill %'")
                        .query(Integer.class)
                        .single())
                .as("a bucket that would be full again is deleted")
                .isZero();
        assertThat(limits.take(limit, client)).as("and starts full").isZero();
        assertThat(limits.take(limit, client)).isZero();
        assertThat(limits.take(limit, client)).isPositive();
    }

    @Test
    void onAutoTheDatabaseIsUsedOnPostgresqlAndMemoryOnSqlite() {
        boolean postgresql =
                environment.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:");
        SharedRateLimits auto = new SharedRateLimits(dataSource, database.jdbc(), clock, hash, "auto");

        assertThat(auto.shared()).isEqualTo(postgresql);
    }
}
