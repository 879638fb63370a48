package news.broadsheet.site.internal;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bucket4j's token buckets kept in the {@code rate_limit_bucket} table, so every node of a site
 * counts against the same allowance. Each use reads the bucket's state and writes it back only if
 * no other node changed it meanwhile (compare and swap on the serialized state), which Bucket4j
 * retries on a conflict: two statements, no lock held. A bucket is kept until it would be full
 * again, plus a margin; {@link #prune} deletes the rest, which then start full, as they would have.
 */
class DatabaseBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    DatabaseBuckets(JdbcClient jdbc, Clock clock, ClientSideConfig config) {
        super(config);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return jdbc.sql("SELECT state FROM rate_limit_bucket WHERE id = ?")
                        .param(key)
                        .query((rs, n) -> rs.getBytes(1))
                        .optional();
            }

            @Override
            public boolean compareAndSwap(
                    byte[] original, byte[] updated, RemoteBucketState newState, Optional<Long> timeoutNanos) {
                long nowMillis = clock.millis();
                long refillMillis = Duration.ofNanos(newState.calculateFullRefillingTime(nowMillis * 1_000_000L))
                        .toMillis();
                long expiresAt = nowMillis + refillMillis + MARGIN.toMillis();
                if (original == null) {
                    // Another node may have made the bucket first: then this one reads it and tries again.
                    return jdbc.sql("INSERT INTO rate_limit_bucket (id, state, expires_at) VALUES (?, ?, ?)"
                                            + " ON CONFLICT (id) DO NOTHING")
                                    .params(key, updated, expiresAt)
                                    .update()
                            == 1;
                }
                return jdbc.sql("UPDATE rate_limit_bucket SET state = ?, expires_at = ? WHERE id = ? AND state = ?")
                                .params(updated, expiresAt, key, original)
                                .update()
                        == 1;
            }
        };
    }

    /** Deletes buckets that would be full again by now; returns how many. */
    int prune() {
        return jdbc.sql("DELETE FROM rate_limit_bucket WHERE expires_at < ?")
                .param(clock.millis())
                .update();
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("Rate limits are checked synchronously");
    }

    @Override
    public void removeProxy(String key) {
        jdbc.sql("DELETE FROM rate_limit_bucket WHERE id = ?").param(key).update();
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException("Rate limits are checked synchronously");
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }
}
