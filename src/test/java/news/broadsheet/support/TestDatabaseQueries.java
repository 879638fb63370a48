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

    /** The comment's moderation status ({@code approved}, {@code spam}, …), empty once it is deleted. */
    public java.util.Optional<String> commentStatus(long id) {
        return jdbc.sql("SELECT status FROM comment WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    /** The reasons recorded with the comment when it was posted, as stored. */
    public String commentReasons(long id) {
        return jdbc.sql("SELECT reasons FROM comment WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    public int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
