package news.broadsheet.demo.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the demo newsroom created (by kind and id), and whether it has been removed (V24). */
@Repository
public class DemoRecord {

    /** The kinds of things the demo newsroom creates. */
    public enum Kind {
        SECTION,
        AUTHOR,
        ARTICLE,
        TAG,
        PAGE;

        String dbValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** When and by whom the demo newsroom was removed. */
    public record Removal(Instant at, String by, String summary) {}

    private final JdbcClient jdbc;

    DemoRecord(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Kind kind, Collection<Long> ids) {
        for (long id : ids) {
            jdbc.sql("INSERT INTO demo_item (kind, item_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(kind.dbValue(), id)
                    .update();
        }
    }

    public List<Long> ids(Kind kind) {
        return jdbc.sql("SELECT item_id FROM demo_item WHERE kind = ? ORDER BY item_id")
                .param(kind.dbValue())
                .query((rs, n) -> rs.getLong(1))
                .list();
    }

    /** Forgets every recorded item and notes the removal, so the demo never loads again by itself. */
    public void markRemoved(Instant at, String by, String summary) {
        jdbc.sql("DELETE FROM demo_item").update();
        jdbc.sql("INSERT INTO demo_removal (removed_at, removed_by, summary) VALUES (?, ?, ?)")
                .params(at.toEpochMilli(), by, summary)
                .update();
    }

    public Optional<Removal> removal() {
        return jdbc.sql("SELECT removed_at, removed_by, summary FROM demo_removal ORDER BY id LIMIT 1")
                .query((rs, n) -> new Removal(
                        Instant.ofEpochMilli(rs.getLong("removed_at")),
                        rs.getString("removed_by"),
                        rs.getString("summary")))
                .optional();
    }
}
