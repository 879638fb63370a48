package news.broadsheet.author.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import news.broadsheet.author.Author;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the {@code author} table. */
@Repository
public class AuthorRepository {

    private static final RowMapper<Author> ROW =
            (rs, n) -> new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("bio"));

    private final JdbcClient jdbc;

    private static final int CHUNK = 1000;

    AuthorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Author> findBySlug(String slug) {
        return jdbc.sql("SELECT id, slug, name, bio FROM author WHERE slug = ?")
                .param(slug)
                .query(ROW)
                .optional();
    }

    /** Looked up in chunks: PostgreSQL takes at most 65,535 bind parameters in one statement. */
    public List<Author> findByIds(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<Author> found = new java.util.ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(jdbc.sql("SELECT id, slug, name, bio FROM author WHERE id IN (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .query(ROW)
                    .list());
        }
        return found;
    }

    public List<Author> findAll() {
        return jdbc.sql("SELECT id, slug, name, bio FROM author ORDER BY slug")
                .query(ROW)
                .list();
    }

    public long insert(String slug, String name, String bio) {
        return jdbc.sql("INSERT INTO author (slug, name, bio) VALUES (?, ?, ?) RETURNING id")
                .params(slug, name, bio)
                .query(Long.class)
                .single();
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM author WHERE id = ?").param(id).update() > 0;
    }
}
