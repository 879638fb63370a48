package news.broadsheet.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the database directly where no reader-facing interface says what a test must know, such
 * as the id of a comment still waiting for moderation.
 */
public final class TestDatabaseQueries {

    private final JdbcClient jdbc;

    TestDatabaseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest comment on the article with exactly this (stripped) body. */
    public long commentId(long articleId, String body) {
        return jdbc.sql("SELECT id FROM comment WHERE article_id = ? AND body = ? ORDER BY id DESC LIMIT 1")
                .params(articleId, body.strip())
                .query(Long.class)
                .single();
    }

    public int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
