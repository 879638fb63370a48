package news.broadsheet.page.internal;

import java.util.List;
import news.broadsheet.article.SafeHtml;
import news.broadsheet.article.StoredBodies;
import news.broadsheet.page.BodyFormat;
import news.broadsheet.page.PageChanged;
import news.broadsheet.shared.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Static pages' bodies, made again by the story body renderer when it changes. */
@Component
class PageBodies implements StoredBodies {

    private final PageRepository repository;
    private final SafeHtml safeHtml;
    private final ApplicationEventPublisher events;

    PageBodies(PageRepository repository, SafeHtml safeHtml, ApplicationEventPublisher events) {
        this.repository = repository;
        this.safeHtml = safeHtml;
        this.events = events;
    }

    @Override
    public String kind() {
        return "page";
    }

    @Override
    public List<StoredBody> after(long id, int limit) {
        return repository.findBodiesAfter(id, limit);
    }

    @Override
    public String render(StoredBody body) {
        return BodyFormat.fromDb(body.format()).toSafeHtml(safeHtml, body.source());
    }

    @Override
    public boolean replace(StoredBody body, String html) {
        if (!repository.replaceBodyHtml(body, html)) {
            return false;
        }
        events.publishEvent(new PageChanged(
                Actor.SYSTEM,
                PageChanged.Change.RERENDERED,
                body.id(),
                body.name(),
                "Body of /" + body.name() + " made again by version " + SafeHtml.RENDERER_VERSION
                        + " of the renderer"));
        return true;
    }
}
