package news.broadsheet.author;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class AuthorsIntegrationTests {

    /** More ids than one statement may bind: PostgreSQL stops at 65,535 parameters, SQLite at 32,766. */
    private static final int MANY = 70_000;

    @Autowired
    Authors authors;

    @Autowired
    TestDatabaseQueries database;

    String prefix = Newsroom.unique("bulk");

    @AfterEach
    void removeBulkAuthors() {
        database.jdbc()
                .sql("DELETE FROM author WHERE slug LIKE :prefix")
                .param("prefix", prefix + "-%")
                .update();
    }

    @Test
    void deletesAnAuthorWithAnOldAddressAndABylineMergedIntoIt() {
        Author survivor = authors.create(prefix + "-survivor", "Sasha Lindqvist", "");
        Author renamed = authors.update(
                survivor.id(),
                new AuthorDetails(prefix + "-sasha", "Sasha Lindqvist", "", "", "", "", List.of(), null),
                news.broadsheet.shared.Actor.SYSTEM);
        Author merged = authors.create(prefix + "-merged", "S. Lindqvist", "");
        authors.merge(merged.id(), renamed.id(), news.broadsheet.shared.Actor.SYSTEM);
        assertThat(authors.successorFor(prefix + "-survivor")).map(Author::id).contains(renamed.id());

        assertThat(authors.delete(renamed.id())).isTrue();

        assertThat(authors.bySlug(prefix + "-sasha")).isEmpty();
        assertThat(authors.successorFor(prefix + "-survivor")).isEmpty();
        assertThat(authors.successorFor(prefix + "-merged"))
                .as("nothing left to send readers to")
                .isEmpty();
    }

    @Test
    void looksUpMoreAuthorsByIdThanOneStatementCanBind() {
        database.jdbc()
                .sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :many)"
                        + " INSERT INTO author (slug, name, bio) SELECT :prefix || '-' || i, 'Writer ' || i, '' FROM n")
                .param("many", MANY)
                .param("prefix", prefix)
                .update();
        List<Long> ids = database.jdbc()
                .sql("SELECT id FROM author WHERE slug LIKE :prefix")
                .param("prefix", prefix + "-%")
                .query(Long.class)
                .list();
        assertThat(ids).hasSize(MANY);

        Map<Long, Author> found = authors.byIds(ids);

        assertThat(found).hasSize(MANY);
        assertThat(found.get(ids.getFirst()).slug()).startsWith(prefix + "-");
    }
}
