package news.broadsheet.article.internal;

import java.time.Instant;
import java.util.List;
import news.broadsheet.article.StoredBodies.StoredBody;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for making stored bodies again with a newer renderer ({@link BodyRerendering}): the version
 * each kind was last made with, and the stories' bodies.
 */
@Repository
class BodyRenderingRepository {

    private final JdbcClient jdbc;

    BodyRenderingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The renderer version every body of this kind was last made with; 1 when never recorded. */
    int renderedWith(String kind) {
        return jdbc.sql("SELECT renderer_version FROM body_rendering WHERE kind = ?")
                .param(kind)
                .query(Integer.class)
                .optional()
                .orElse(1);
    }

    /** Records the version, unless a newer one is recorded (a node of a later release got there first). */
    void recordRenderedWith(String kind, int version, Instant at) {
        jdbc.sql("""
                        INSERT INTO body_rendering (kind, renderer_version, finished_at) VALUES (:kind, :version, :at)
                        ON CONFLICT (kind) DO UPDATE SET renderer_version = excluded.renderer_version,
                            finished_at = excluded.finished_at
                        WHERE body_rendering.renderer_version < excluded.renderer_version""")
                .param("kind", kind)
                .param("version", version)
                .param("at", at.toEpochMilli())
                .update();
    }

    /** Stories' bodies in id order after the given id, every status. */
    List<StoredBody> storiesAfter(long id, int limit) {
        return jdbc.sql("SELECT id, headline, body_markdown, body_html FROM article WHERE id > ? ORDER BY id LIMIT ?")
                .params(id, limit)
                .query((rs, row) -> new StoredBody(
                        rs.getLong("id"),
                        rs.getString("headline"),
                        "markdown",
                        rs.getString("body_markdown"),
                        rs.getString("body_html")))
                .list();
    }

    /** Replaces a story body's HTML while the story still has the body it was made from. */
    boolean replaceStoryHtml(StoredBody body, String html) {
        return jdbc.sql("""
                        UPDATE article SET body_html = :html
                        WHERE id = :id AND body_markdown = :markdown AND body_html = :stored""")
                        .param("html", html)
                        .param("id", body.id())
                        .param("markdown", body.source())
                        .param("stored", body.html())
                        .update()
                == 1;
    }
}
