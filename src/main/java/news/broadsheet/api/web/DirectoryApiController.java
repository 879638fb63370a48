package news.broadsheet.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import news.broadsheet.api.internal.ApiProblem;
import news.broadsheet.api.internal.Cursors;
import news.broadsheet.article.Articles;
import news.broadsheet.article.LiveTag;
import news.broadsheet.article.Tag;
import news.broadsheet.author.Authors;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.CacheTags;
import news.broadsheet.shared.SiteSettings;
import news.broadsheet.shared.Slugs;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The publication's sections, tags and authors. */
@RestController
class DirectoryApiController implements ApiEndpoint {

    private final Sections sections;
    private final Articles articles;
    private final Authors authors;
    private final ApiViews views;
    private final SiteSettings site;

    DirectoryApiController(Sections sections, Articles articles, Authors authors, ApiViews views, SiteSettings site) {
        this.sections = sections;
        this.articles = articles;
        this.authors = authors;
        this.views = views;
        this.site = site;
    }

    /** Every section, flat, parents before their children; {@code parentId} rebuilds the tree. */
    @GetMapping(path = "/api/v1/sections", produces = MediaType.APPLICATION_JSON_VALUE)
    ItemList<SectionItem> sections() {
        CacheTags.tag(CacheTags.DIRECTORY);
        return new ItemList<>(sections.all().stream().map(views::sectionItem).toList());
    }

    /** Tags on live stories in slug order, a page at a time. */
    @GetMapping(path = "/api/v1/tags", produces = MediaType.APPLICATION_JSON_VALUE)
    Page<TagItem> tags(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String limit,
            HttpServletRequest request) {
        // The tags of live stories: a story coming out or going may add or remove one.
        CacheTags.tag(CacheTags.DIRECTORY, CacheTags.ALL_STORIES);
        int size = ApiParams.limit(limit);
        String after = null;
        if (cursor != null) {
            after = Cursors.decode(cursor)
                    .filter(Slugs::isValid)
                    .orElseThrow(() ->
                            ApiProblem.badRequest("The cursor is not valid; use nextCursor from a previous page."));
        }
        List<LiveTag> rows = articles.liveTags(after, size + 1);
        List<Tag> page = rows.subList(0, Math.min(size, rows.size())).stream()
                .map(LiveTag::tag)
                .toList();
        String next = rows.size() > size ? Cursors.encode(page.getLast().slug()) : null;
        return new Page<>(
                page.stream().map(views::tag).toList(), next, new Page.PageLinks(ApiParams.next(request, site, next)));
    }

    @GetMapping(path = "/api/v1/authors", produces = MediaType.APPLICATION_JSON_VALUE)
    ItemList<AuthorDetail> authors() {
        CacheTags.tag(CacheTags.DIRECTORY);
        return new ItemList<>(authors.all().stream()
                .map(author -> views.authorDetail(author, authors.bioHtml(author)))
                .toList());
    }
}
