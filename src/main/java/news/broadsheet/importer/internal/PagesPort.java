package news.broadsheet.importer.internal;

import java.util.Optional;
import news.broadsheet.page.EditablePage;
import news.broadsheet.page.PageContent;
import news.broadsheet.page.PageStatus;
import news.broadsheet.page.Pages;
import news.broadsheet.page.WritePage;
import news.broadsheet.shared.Actor;
import news.broadsheet.shared.Slugs;
import news.broadsheet.shared.Text;
import org.springframework.stereotype.Component;

/**
 * Imported pages go to the page module. A page never replaces another: when its address is taken
 * (by a page, a section or the site), the first free {@code slug-2}, {@code slug-3}, ... is used.
 */
@Component
class PagesPort implements PagePort {

    private final Pages pages;
    private final java.time.Clock clock;

    PagesPort(Pages pages, java.time.Clock clock) {
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    public long create(ImportedPage page, Actor actor) {
        String title = Text.withoutControlCharacters(page.title()).strip();
        if (title.length() > 300) {
            title = title.substring(0, 299) + "…";
        }
        if (page.bodyHtml().isBlank()) {
            throw new IllegalArgumentException("the page is empty");
        }
        if (page.bodyHtml().length() > 200_000) {
            throw new IllegalArgumentException("the body is over 200,000 characters");
        }
        String base = page.slug().isBlank() ? Slugs.from(title) : page.slug();
        if (base.isEmpty()) {
            base = "page";
        }
        String slug = base;
        for (int n = 2; pages.slugRefusal(slug, null).isPresent(); n++) {
            if (n > 50) {
                throw new IllegalArgumentException(pages.slugRefusal(slug, null).orElse("no free address"));
            }
            slug = Slugs.numbered(base, n);
        }
        String body = Text.withoutControlCharacters(page.bodyHtml());
        PageContent content = (page.markdown()
                        ? PageContent.markdown(slug, title, body)
                        : PageContent.html(slug, title, body))
                .describedAs(Text.withoutControlCharacters(page.description()).strip());
        if (page.inFooter()) {
            content = content.inFooter(Math.clamp(page.footerPosition(), 0, 999));
        }
        return pages.put(
                new WritePage(content, page.published() ? PageStatus.PUBLISHED : PageStatus.DRAFT, page.publishedAt()),
                actor);
    }

    @Override
    public Optional<String> url(long pageId) {
        return pages.byId(pageId).filter(p -> p.liveAt(clock.instant())).map(EditablePage::url);
    }
}
