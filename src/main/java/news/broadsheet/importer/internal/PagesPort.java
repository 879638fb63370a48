package news.broadsheet.importer.internal;

import java.util.List;
import java.util.Optional;
import news.broadsheet.article.EditorialRefusedException;
import news.broadsheet.page.EditablePage;
import news.broadsheet.page.PageContent;
import news.broadsheet.page.PageRevision;
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
    public void check(ImportedPage page) {
        var unused = checkedTitle(page);
    }

    @Override
    public long create(ImportedPage page, Actor actor) {
        String title = checkedTitle(page);
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
        PageContent content = text(page, slug, title);
        if (page.inFooter()) {
            content = content.inFooter(Math.clamp(page.footerPosition(), 0, 999));
        }
        return pages.put(
                new WritePage(content, page.published() ? PageStatus.PUBLISHED : PageStatus.DRAFT, page.publishedAt()),
                actor);
    }

    @Override
    public Update update(long pageId, ImportedPage page, Actor actor, boolean dryRun) {
        EditablePage current = pages.byId(pageId).orElse(null);
        if (current == null) {
            return Update.GONE;
        }
        PageContent exported = text(page, current.slug(), checkedTitle(page));
        PageContent next = current.content().inFooter()
                ? exported.inFooter(current.content().footerPosition())
                : exported;
        if (sameText(next, current.content())) {
            return Update.UNCHANGED;
        }
        List<PageRevision> revisions = pages.revisions(pageId); // newest first; a page has few
        PageRevision latest = revisions.isEmpty() ? null : revisions.getFirst();
        if (latest != null && byImport(latest) && sameText(latest.content(), current.content())) {
            try {
                if (dryRun) {
                    pages.checkUpdate(pageId, next);
                } else {
                    pages.updateFromImport(pageId, current.version(), next, actor);
                }
                return Update.UPDATED;
            } catch (EditorialRefusedException e) {
                if (e.kind() != EditorialRefusedException.Kind.CONFLICT) {
                    throw new IllegalArgumentException(
                            String.join("; ", e.errors().values()), e);
                }
                return Update.EDITED_HERE; // saved by someone meanwhile
            }
        }
        // Edited here: reported only when the export changed the page too.
        return revisions.stream()
                        .filter(PagesPort::byImport)
                        .findFirst()
                        .filter(imported -> sameText(imported.content(), next))
                        .isPresent()
                ? Update.UNCHANGED
                : Update.EDITED_HERE;
    }

    /**
     * Whether an import wrote this revision: a page's first ("Created"; the importer knows the page
     * from its ledger, so an import created it), or one a later import wrote.
     */
    private static boolean byImport(PageRevision revision) {
        return (revision.version() == 1 && revision.note().equals("Created"))
                || revision.note().equals(Pages.UPDATED_BY_IMPORT);
    }

    private static boolean sameText(PageContent a, PageContent b) {
        return a.title().equals(b.title())
                && a.description().equals(b.description())
                && a.body().equals(b.body())
                && a.format() == b.format();
    }

    /** The page's title as stored; refuses a page whose body is empty or too long. */
    private static String checkedTitle(ImportedPage page) {
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
        return title;
    }

    private static PageContent text(ImportedPage page, String slug, String title) {
        String body = Text.withoutControlCharacters(page.bodyHtml());
        return (page.markdown() ? PageContent.markdown(slug, title, body) : PageContent.html(slug, title, body))
                .describedAs(Text.withoutControlCharacters(page.description()).strip());
    }

    @Override
    public Optional<String> url(long pageId) {
        return pages.byId(pageId).filter(p -> p.liveAt(clock.instant())).map(EditablePage::url);
    }
}
