package news.broadsheet.cache.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code page_cache_change} table: the cache tags of every change, in sequence order. Times are
 * wall-clock technical times (for pruning and for catching rows that commit out of sequence order).
 */
@Repository("pageCacheChangeLog")
class ChangeLog {

    /** An entry of the log. */
    record Entry(long seq, Set<String> tags, long changedAt) {}

    /** The column's width; a longer list of tags is cut at a tag boundary and the rest logged separately. */
    static final int MAX_TAGS_LENGTH = 8000;

    private final JdbcClient jdbc;
    /** This node, in this run: a follower skips the rows it wrote itself (they were applied on commit). */
    private final String origin = UUID.randomUUID().toString();

    ChangeLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long now() {
        return System.currentTimeMillis();
    }

    void record(Set<String> tags) {
        StringBuilder chunk = new StringBuilder();
        for (String tag : tags) {
            if (chunk.length() + tag.length() + 1 > MAX_TAGS_LENGTH) {
                insert(chunk.toString());
                chunk.setLength(0);
            }
            if (!chunk.isEmpty()) {
                chunk.append(' ');
            }
            chunk.append(tag);
        }
        if (!chunk.isEmpty()) {
            insert(chunk.toString());
        }
    }

    private void insert(String tags) {
        jdbc.sql("INSERT INTO page_cache_change (origin, tags, changed_at) VALUES (?, ?, ?)")
                .params(origin, tags, now())
                .update();
    }

    /** Entries after a sequence number, in order, with those this node wrote (as entries without tags). */
    List<Entry> after(long afterSeq, int limit) {
        return jdbc.sql("SELECT seq, origin, tags, changed_at FROM page_cache_change WHERE seq > :after"
                        + " ORDER BY seq LIMIT :limit")
                .param("after", afterSeq)
                .param("limit", limit)
                .query(this::entry)
                .list();
    }

    /** The entries with these sequence numbers that exist now (numbers skipped earlier may commit late). */
    List<Entry> withSeqs(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT seq, origin, tags, changed_at FROM page_cache_change WHERE seq IN (:seqs)")
                .param("seqs", seqs)
                .query(this::entry)
                .list();
    }

    private Entry entry(ResultSet rs, int row) throws SQLException {
        Set<String> tags = origin.equals(rs.getString("origin"))
                ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(rs.getString("tags").split(" ")));
        return new Entry(rs.getLong("seq"), tags, rs.getLong("changed_at"));
    }

    long maxSeq() {
        Long max = jdbc.sql("SELECT MAX(seq) FROM page_cache_change")
                .query((rs, n) -> rs.getObject(1) == null ? 0L : rs.getLong(1))
                .single();
        return max == null ? 0 : max;
    }

    int prune(long olderThan) {
        return jdbc.sql("DELETE FROM page_cache_change WHERE changed_at < ?")
                .param(olderThan)
                .update();
    }
}
