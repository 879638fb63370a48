package news.broadsheet.article.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When stories come out or come down by the clock alone: a scheduled or published story's
 * publication time, an embargo's end, an expiry. Readers see these at their minute without any
 * write, so whatever keeps copies of pages (the page cache) asks here what falls due.
 */
@Repository
public class VisibilityTimetable {

    private static final String TIMES = "SELECT id, published_at AS at FROM article"
            + " WHERE status IN ('published', 'scheduled') AND published_at > :after AND published_at <= :upTo"
            + " UNION SELECT id, embargo_until AS at FROM article"
            + " WHERE embargo_until > :after AND embargo_until <= :upTo"
            + " UNION SELECT id, expires_at AS at FROM article"
            + " WHERE status IN ('published', 'scheduled') AND expires_at > :after AND expires_at <= :upTo";

    private final JdbcClient jdbc;

    VisibilityTimetable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stories whose visibility changes after one moment and up to another. */
    public List<Long> changingBetween(Instant after, Instant upTo) {
        return jdbc.sql("SELECT DISTINCT id FROM (" + TIMES + ") due")
                .param("after", after.toEpochMilli())
                .param("upTo", upTo.toEpochMilli())
                .query(Long.class)
                .list();
    }

    /** The first moment after this one at which a story's visibility changes by the clock. */
    public Optional<Instant> nextChangeAfter(Instant after) {
        Long next = jdbc.sql("SELECT MIN(at) FROM (" + TIMES + ") due")
                .param("after", after.toEpochMilli())
                .param("upTo", Long.MAX_VALUE)
                .query((rs, n) -> rs.getObject(1) == null ? null : rs.getLong(1))
                .optional()
                .orElse(null);
        return Optional.ofNullable(next).map(Instant::ofEpochMilli);
    }
}
