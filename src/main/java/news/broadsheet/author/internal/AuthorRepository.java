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

    AuthorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Author> findBySlug(String slug) {
        return jdbc.sql("SELECT id, slug, name, bio FROM author WHERE slug = ?")
                .param(slug)
                .query(ROW)
                .optional();
    }

    public List<Author> findByIds(Collection<Long> ids) {
        return jdbc.sql("SELECT id, slug, name, bio FROM author WHERE id IN (:ids)")
                .param("ids", ids)
                .query(ROW)
                .list();
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
}
