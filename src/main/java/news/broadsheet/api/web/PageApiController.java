package news.broadsheet.api.web;

import news.broadsheet.api.internal.ApiProblem;
import news.broadsheet.page.PageLink;
import news.broadsheet.page.Pages;
import news.broadsheet.shared.CacheTags;
import news.broadsheet.shared.SiteSettings;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The publication's live static pages (About, Contact, Privacy...); drafts and unpublished pages never appear. */
@RestController
class PageApiController implements ApiEndpoint {

    private final Pages pages;
    private final SiteSettings site;

    PageApiController(Pages pages, SiteSettings site) {
        this.pages = pages;
        this.site = site;
    }

    /** Every live page, by slug: a short list, unpaged like sections. */
    @GetMapping(path = "/api/v1/pages", produces = MediaType.APPLICATION_JSON_VALUE)
    ItemList<PageItem> pages() {
        CacheTags.tag(CacheTags.PAGES);
        return new ItemList<>(pages.live().stream().map(this::item).toList());
    }

    @GetMapping(path = "/api/v1/pages/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
    PageDetail page(@PathVariable String slug) {
        return pages.liveBySlug(slug)
                .map(page -> {
                    CacheTags.tag(CacheTags.page(page.id()));
                    return page;
                })
                .map(page -> new PageDetail(
                        page.id(),
                        page.slug(),
                        page.title(),
                        page.description(),
                        site.absolute(page.url()),
                        ApiViews.time(page.publishedAt()),
                        ApiViews.time(page.updatedAt()),
                        page.bodyHtml()))
                .orElseThrow(() -> ApiProblem.notFound("There is no live page with slug " + slug + "."));
    }

    private PageItem item(PageLink page) {
        return new PageItem(
                page.id(),
                page.slug(),
                page.title(),
                page.description(),
                site.absolute(page.url()),
                ApiViews.time(page.publishedAt()),
                ApiViews.time(page.updatedAt()));
    }
}
