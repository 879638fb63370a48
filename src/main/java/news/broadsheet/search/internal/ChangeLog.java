package news.broadsheet.search.internal;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code search_article_change} table: which articles changed, in commit-independent sequence
 * order. Times here are wall-clock technical times (for pruning and for catching entries that
 * commit out of sequence order), not newsroom times, so they use the system clock.
 */
@Repository
class ChangeLog {

    /** An entry of the log. */
    record Entry(long seq, long articleId, long changedAt) {}

    private final JdbcClient jdbc;
    private final Clock wallClock = Clock.systemUTC();

    ChangeLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long now() {
        return wallClock.millis();
    }

    void record(long articleId) {
        jdbc.sql("INSERT INTO search_article_change (article_id, changed_at) VALUES (?, ?)")
                .params(articleId, now())
                .update();
    }

    /** Entries after a sequence number, and any written since a time (they may have committed late). */
    List<Entry> since(long afterSeq, long changedSince, int limit) {
        return jdbc.sql("SELECT seq, article_id, changed_at FROM search_article_change"
                        + " WHERE seq > :after OR changed_at > :since ORDER BY seq LIMIT :limit")
                .param("after", afterSeq)
                .param("since", changedSince)
                .param("limit", limit)
                .query((rs, n) -> new Entry(rs.getLong("seq"), rs.getLong("article_id"), rs.getLong("changed_at")))
                .list();
    }

    long maxSeq() {
        Long max = jdbc.sql("SELECT MAX(seq) FROM search_article_change")
                .query((rs, n) -> rs.getObject(1) == null ? 0L : rs.getLong(1))
                .single();
        return max == null ? 0 : max;
    }

    /** The oldest entry kept, or 0 when the log is empty. */
    long minSeq() {
        Long min = jdbc.sql("SELECT MIN(seq) FROM search_article_change")
                .query((rs, n) -> rs.getObject(1) == null ? 0L : rs.getLong(1))
                .single();
        return min == null ? 0 : min;
    }

    int prune(long olderThan) {
        return jdbc.sql("DELETE FROM search_article_change WHERE changed_at < ?")
                .param(olderThan)
                .update();
    }
}
