package news.broadsheet.author.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import news.broadsheet.author.Author;
import news.broadsheet.author.AuthorDetails;
import news.broadsheet.shared.InLists;
import news.broadsheet.shared.SqlValues;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the {@code author} and {@code author_retired_slug} tables. */
@Repository
public class AuthorRepository {

    private static final String COLUMNS =
            "id, slug, name, job_title, bio, email, website, profiles, image_id, account_id, retired_at, merged_into";

    private static final RowMapper<Author> ROW = (rs, n) -> new Author(
            rs.getLong("id"),
            rs.getString("slug"),
            rs.getString("name"),
            rs.getString("job_title"),
            rs.getString("bio"),
            rs.getString("email"),
            rs.getString("website"),
            lines(rs.getString("profiles")),
            SqlValues.nullableLong(rs, "image_id"),
            SqlValues.nullableLong(rs, "account_id"),
            SqlValues.nullableLong(rs, "retired_at") != null,
            SqlValues.nullableLong(rs, "merged_into"));

    private final JdbcClient jdbc;

    AuthorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).filter(s -> !s.isBlank()).toList();
    }

    public Optional<Author> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM author WHERE slug = ?")
                .param(slug)
                .query(ROW)
                .optional();
    }

    public Optional<Author> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM author WHERE id = ?")
                .param(id)
                .query(ROW)
                .optional();
    }

    /** The byline (merged or not) that the account writes as. */
    public Optional<Author> findByAccount(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM author WHERE account_id = ?")
                .param(accountId)
                .query(ROW)
                .optional();
    }

    /** Looked up in chunks: PostgreSQL takes at most 65,535 bind parameters in one statement. */
    public List<Author> findByIds(Collection<Long> ids) {
        List<Author> found = new ArrayList<>(ids.size());
        for (List<Long> chunk : InLists.chunks(ids)) {
            found.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM author WHERE id IN (:ids)")
                    .param("ids", chunk)
                    .query(ROW)
                    .list());
        }
        return found;
    }

    /** Every byline that was not merged away, retired ones included. */
    public List<Author> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM author WHERE merged_into IS NULL ORDER BY slug")
                .query(ROW)
                .list();
    }

    public long insert(AuthorDetails details) {
        return jdbc.sql("INSERT INTO author (slug, name, job_title, bio, email, website, profiles, image_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .params(
                        details.slug(),
                        details.name(),
                        details.jobTitle(),
                        details.bio(),
                        details.email(),
                        details.website(),
                        String.join("\n", details.profiles()),
                        details.imageId())
                .query(Long.class)
                .single();
    }

    public void update(long id, AuthorDetails details) {
        jdbc.sql("UPDATE author SET slug = ?, name = ?, job_title = ?, bio = ?, email = ?, website = ?, profiles = ?,"
                        + " image_id = ? WHERE id = ?")
                .params(
                        details.slug(),
                        details.name(),
                        details.jobTitle(),
                        details.bio(),
                        details.email(),
                        details.website(),
                        String.join("\n", details.profiles()),
                        details.imageId(),
                        id)
                .update();
    }

    public void updateAccount(long id, @Nullable Long accountId) {
        jdbc.sql("UPDATE author SET account_id = ? WHERE id = ?")
                .params(accountId, id)
                .update();
    }

    public void updateRetired(long id, @Nullable Long retiredAt) {
        jdbc.sql("UPDATE author SET retired_at = ? WHERE id = ?")
                .params(retiredAt, id)
                .update();
    }

    /**
     * Marks the byline merged into the survivor, and points whatever had been merged into it at the
     * survivor too, so a redirect is always one hop.
     */
    public void merge(long id, long survivorId, long at) {
        jdbc.sql("UPDATE author SET merged_into = ?, retired_at = COALESCE(retired_at, ?), account_id = NULL"
                        + " WHERE id = ?")
                .params(survivorId, at, id)
                .update();
        jdbc.sql("UPDATE author SET merged_into = ? WHERE merged_into = ?")
                .params(survivorId, id)
                .update();
    }

    public Optional<Long> findIdByRetiredSlug(String slug) {
        return jdbc.sql("SELECT author_id FROM author_retired_slug WHERE slug = ?")
                .param(slug)
                .query(Long.class)
                .optional();
    }

    public void retireSlug(String slug, long authorId) {
        jdbc.sql("INSERT INTO author_retired_slug (slug, author_id) VALUES (?, ?)")
                .params(slug, authorId)
                .update();
    }

    public void reclaimSlug(String slug) {
        jdbc.sql("DELETE FROM author_retired_slug WHERE slug = ?").param(slug).update();
    }

    /**
     * Deletes the author with their old addresses; bylines once merged into them keep their own
     * pages' redirects no longer (they become plain retired bylines).
     */
    public boolean delete(long id) {
        jdbc.sql("DELETE FROM author_retired_slug WHERE author_id = ?")
                .param(id)
                .update();
        jdbc.sql("UPDATE author SET merged_into = NULL WHERE merged_into = ?")
                .param(id)
                .update();
        return jdbc.sql("DELETE FROM author WHERE id = ?").param(id).update() > 0;
    }
}
