package news.broadsheet.site.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.sql.DataSource;
import news.broadsheet.shared.ClientAddress;
import news.broadsheet.shared.KeyedHash;
import news.broadsheet.shared.RateLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The site's rate limits as Bucket4j token buckets, per limit and client. Where they are kept is
 * {@code broadsheet.rate-limit.store}: {@code database} (the {@code rate_limit_bucket} table, shared
 * by every node), {@code memory} (this node's own), or {@code auto}, the default: the database on
 * PostgreSQL, where several nodes may serve one site, and memory on SQLite, which has one node and
 * where every check would otherwise be a write waiting for the disk. Clients are keyed by a keyed
 * hash of {@link ClientAddress#key}, so the table holds no address. If the database cannot be
 * asked, the request is let through: the limits guard against abuse, they must not turn a
 * database hiccup into refusals.
 */
@Component
class SharedRateLimits implements RateLimits {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SharedRateLimits.class);

    private final KeyedHash hash;
    private final TimeMeter time;
    private final @Nullable DatabaseBuckets database;
    private final Cache<String, Bucket> memory = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(2))
            .build();

    SharedRateLimits(
            DataSource dataSource,
            JdbcClient jdbc,
            Clock clock,
            KeyedHash hash,
            @Value("${broadsheet.rate-limit.store:auto}") String store) {
        this.hash = hash;
        this.time = new ClockTime(clock);
        boolean inDatabase = switch (store.strip().toLowerCase(Locale.ROOT)) {
            case "database" -> true;
            case "memory" -> false;
            case "auto" -> !DatabaseConfiguration.isSqlite(dataSource);
            default ->
                throw new IllegalArgumentException(
                        "broadsheet.rate-limit.store is auto, database or memory, not: " + store);
        };
        this.database = inDatabase
                ? new DatabaseBuckets(jdbc, clock, ClientSideConfig.getDefault().withClientClock(time))
                : null;
    }

    /** Whether the counts are kept in the database, shared by every node. */
    boolean shared() {
        return database != null;
    }

    @Override
    public Duration take(Limit limit, String clientAddress) {
        if (limit.off()) {
            return Duration.ZERO;
        }
        String key = limit.name() + " " + hash.of(ClientAddress.key(clientAddress));
        ConsumptionProbe probe;
        if (database == null) {
            probe = memory.get(
                            key,
                            k -> Bucket.builder()
                                    .addLimit(bandwidth(limit))
                                    .withCustomTimePrecision(time)
                                    .build())
                    .tryConsumeAndReturnRemaining(1);
        } else {
            try {
                probe = database.builder()
                        .build(
                                key,
                                () -> BucketConfiguration.builder()
                                        .addLimit(bandwidth(limit))
                                        .build())
                        .tryConsumeAndReturnRemaining(1);
            } catch (DataAccessException e) {
                log.warn("Rate limit {} not checked: the database did not answer ({})", limit.name(), e.getMessage());
                return Duration.ZERO;
            }
        }
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    private static Bandwidth bandwidth(Limit limit) {
        return Bandwidth.builder()
                .capacity(Math.max(1, limit.burst()))
                .refillGreedy(limit.perPeriod(), limit.period())
                .build();
    }

    /** Forgets buckets that would be full again by now (with several nodes, each prunes: it is idempotent). */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void prune() {
        if (database != null) {
            try {
                database.prune();
            } catch (DataAccessException e) {
                log.debug("Rate limit buckets not pruned: {}", e.getMessage());
            }
        }
    }

    /** Bucket4j's time from the site's clock, so tests can move it. */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
