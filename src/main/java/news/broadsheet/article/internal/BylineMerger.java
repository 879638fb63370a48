package news.broadsheet.article.internal;

import java.util.List;
import news.broadsheet.article.ArticleChanged;
import news.broadsheet.author.AuthorsMerged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves the stories of a merged byline to the survivor, in the merge's transaction. A story that
 * already names both keeps the survivor once, in the earlier of the two places.
 */
@Component
class BylineMerger {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    BylineMerger(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventListener
    void merged(AuthorsMerged event) {
        List<Long> articleIds = jdbc.sql(
                        "SELECT article_id FROM article_author WHERE author_id = ? ORDER BY article_id")
                .param(event.mergedId())
                .query(Long.class)
                .list();
        if (articleIds.isEmpty()) {
            return;
        }
        jdbc.sql(
                        "UPDATE article_author SET position = (SELECT MIN(both_.position) FROM article_author both_"
                                + " WHERE both_.article_id = article_author.article_id AND both_.author_id IN (?, ?))"
                                + " WHERE author_id = ? AND article_id IN (SELECT article_id FROM article_author WHERE author_id = ?)")
                .params(event.mergedId(), event.survivorId(), event.survivorId(), event.mergedId())
                .update();
        jdbc.sql("DELETE FROM article_author WHERE author_id = ? AND article_id IN"
                        + " (SELECT article_id FROM article_author WHERE author_id = ?)")
                .params(event.mergedId(), event.survivorId())
                .update();
        jdbc.sql("UPDATE article_author SET author_id = ? WHERE author_id = ?")
                .params(event.survivorId(), event.mergedId())
                .update();
        for (long articleId : articleIds) {
            String headline = jdbc.sql("SELECT headline FROM article WHERE id = ?")
                    .param(articleId)
                    .query(String.class)
                    .single();
            events.publishEvent(new ArticleChanged(
                    event.actor(),
                    ArticleChanged.Change.BYLINE_MERGED,
                    articleId,
                    headline,
                    "Byline #" + event.mergedId() + " merged into #" + event.survivorId()));
        }
    }
}
