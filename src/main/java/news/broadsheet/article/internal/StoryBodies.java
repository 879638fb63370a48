package news.broadsheet.article.internal;

import java.util.List;
import news.broadsheet.article.ArticleChanged;
import news.broadsheet.article.StoredBodies;
import news.broadsheet.shared.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Stories' bodies, made again when the renderer changes ({@link BodyRerendering}). */
@Component
class StoryBodies implements StoredBodies {

    private final BodyRenderingRepository repository;
    private final ArticleBodyRenderer renderer;
    private final ApplicationEventPublisher events;

    StoryBodies(BodyRenderingRepository repository, ArticleBodyRenderer renderer, ApplicationEventPublisher events) {
        this.repository = repository;
        this.renderer = renderer;
        this.events = events;
    }

    @Override
    public String kind() {
        return "article";
    }

    @Override
    public List<StoredBody> after(long id, int limit) {
        return repository.storiesAfter(id, limit);
    }

    @Override
    public String render(StoredBody body) {
        return renderer.toHtml(body.source());
    }

    @Override
    public boolean replace(StoredBody body, String html) {
        if (!repository.replaceStoryHtml(body, html)) {
            return false;
        }
        events.publishEvent(new ArticleChanged(
                Actor.SYSTEM,
                ArticleChanged.Change.RERENDERED,
                body.id(),
                body.name(),
                "Body made again by version " + ArticleBodyRenderer.VERSION + " of the renderer"));
        return true;
    }
}
