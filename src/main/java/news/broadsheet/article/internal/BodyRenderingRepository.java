package news.broadsheet.article.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for making stored story bodies again with a newer renderer ({@link BodyRerendering}). */
@Repository
class BodyRenderingRepository {

    /** A story's body as stored: what the newsroom wrote and the HTML made of it when saved. */
    record StoredBody(long id, String headline, String markdown, String html) {}

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

    void recordRenderedWith(String kind, int version, Instant at) {
        jdbc.sql("""
                        INSERT INTO body_rendering (kind, renderer_version, finished_at) VALUES (:kind, :version, :at)
                        ON CONFLICT (kind) DO UPDATE SET renderer_version = excluded.renderer_version,
                            finished_at = excluded.finished_at""")
                .param("kind", kind)
                .param("version", version)
                .param("at", at.toEpochMilli())
                .update();
    }

    /** Stories' bodies in id order after the given id, every status (drafts are shown too, in previews). */
    List<StoredBody> after(long id, int limit) {
        return jdbc.sql("SELECT id, headline, body_markdown, body_html FROM article WHERE id > ? ORDER BY id LIMIT ?")
                .params(id, limit)
                .query((rs, row) -> new StoredBody(
                        rs.getLong("id"),
                        rs.getString("headline"),
                        rs.getString("body_markdown"),
                        rs.getString("body_html")))
                .list();
    }

    /**
     * Replaces the body's HTML when the story still has the body it was made from; false when
     * someone saved it meanwhile (that save made its HTML with this renderer).
     */
    boolean replaceHtml(StoredBody body, String html) {
        return jdbc.sql("""
                        UPDATE article SET body_html = :html
                        WHERE id = :id AND body_markdown = :markdown AND body_html = :stored""")
                        .param("html", html)
                        .param("id", body.id())
                        .param("markdown", body.markdown())
                        .param("stored", body.html())
                        .update()
                == 1;
    }
}
