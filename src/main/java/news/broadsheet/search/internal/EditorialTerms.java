package news.broadsheet.search.internal;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code search_synonym} and {@code search_pin} tables: editors' synonyms and pinned results,
 * read by every search (both are small), so a change applies on every node at once.
 */
@Repository
public class EditorialTerms {

    /** A synonym group as stored. */
    public record Synonyms(long id, List<String> terms, String createdBy, long createdAt) {}

    /** A pin as stored. */
    public record Pin(long id, String query, long articleId, String createdBy, long createdAt) {}

    private final JdbcClient jdbc;

    EditorialTerms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Synonyms> synonyms() {
        return jdbc.sql("SELECT id, terms, created_by, created_at FROM search_synonym ORDER BY id")
                .query((rs, n) -> new Synonyms(
                        rs.getLong("id"),
                        Arrays.asList(rs.getString("terms").split("\n")),
                        rs.getString("created_by"),
                        rs.getLong("created_at")))
                .list();
    }

    public long addSynonyms(List<String> terms, String createdBy, long now) {
        return jdbc.sql("INSERT INTO search_synonym (terms, created_by, created_at) VALUES (?, ?, ?) RETURNING id")
                .params(String.join("\n", terms), createdBy, now)
                .query((rs, n) -> rs.getLong(1))
                .single();
    }

    public boolean removeSynonyms(long id) {
        return jdbc.sql("DELETE FROM search_synonym WHERE id = ?").param(id).update() > 0;
    }

    /** Every pin, the oldest first within a query (the first pinned shows first). */
    public List<Pin> pins() {
        return jdbc.sql("SELECT id, query, article_id, created_by, created_at FROM search_pin ORDER BY query_key, id")
                .query(EditorialTerms::pin)
                .list();
    }

    /** The stories pinned for a query, in the order they show. */
    public List<Long> pinnedFor(String queryKey) {
        return jdbc.sql("SELECT article_id FROM search_pin WHERE query_key = ? ORDER BY id")
                .param(queryKey)
                .query((rs, n) -> rs.getLong(1))
                .list();
    }

    public @Nullable Pin pinById(long id) {
        return jdbc.sql("SELECT id, query, article_id, created_by, created_at FROM search_pin WHERE id = ?")
                .param(id)
                .query(EditorialTerms::pin)
                .optional()
                .orElse(null);
    }

    public long addPin(String query, String queryKey, long articleId, String createdBy, long now) {
        return jdbc.sql("INSERT INTO search_pin (query, query_key, article_id, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(query, queryKey, articleId, createdBy, now)
                .query((rs, n) -> rs.getLong(1))
                .single();
    }

    public boolean removePin(long id) {
        return jdbc.sql("DELETE FROM search_pin WHERE id = ?").param(id).update() > 0;
    }

    private static Pin pin(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Pin(
                rs.getLong("id"),
                rs.getString("query"),
                rs.getLong("article_id"),
                rs.getString("created_by"),
                rs.getLong("created_at"));
    }
}
